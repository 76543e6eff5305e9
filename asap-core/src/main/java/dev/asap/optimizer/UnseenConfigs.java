package dev.asap.optimizer;

import dev.asap.space.Config;
import java.util.Random;

/** Keeps tools from repeating an evaluated or pending config. */
public final class UnseenConfigs {
  private static final int ATTEMPTS = 1_000;

  private UnseenConfigs() {}

  /**
   * Returns {@code preferred} when the history has not seen it, else the first unseen uniform sample. When
   * the space is exhausted (every config tried) it returns a repeat rather than failing the run.
   */
  public static Config orFresh(History history, Config preferred, Random random) {
    if (!history.contains(preferred)) {
      return preferred;
    }
    for (int i = 0; i < ATTEMPTS; i++) {
      Config c = history.space().sample(random);
      if (!history.contains(c)) {
        return c;
      }
    }
    return preferred;
  }
}
