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
  private final Map<Config, double[]> cache;

  Encodings(SearchSpace space) {
    this.space = space;
    this.cache = new HashMap<>();
  }

  private Encodings(Encodings other) {
    this.space = other.space;
    this.cache = new HashMap<>(other.cache); // the arrays are never modified, so they are shared
  }

  /** A copy that fills up on its own. */
  Encodings copy() {
    return new Encodings(this);
  }

  double[] of(Config config) {
    return cache.computeIfAbsent(config, space::encode);
  }
}
