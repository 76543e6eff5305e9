package dev.asap.optimizer.local;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.HashMap;
import java.util.Map;

/**
 * Unit-cube encodings of configs, computed once: every call sees the whole history again, and encoding a
 * config (boxing, map look-ups) costs more than the arithmetic done with it. Callers must not modify the
 * arrays returned.
 */
final class Encodings {
  private final SearchSpace space;
  private final Map<Config, double[]> cache = new HashMap<>();

  Encodings(SearchSpace space) {
    this.space = space;
  }

  double[] of(Config config) {
    return cache.computeIfAbsent(config, space::encode);
  }
}
