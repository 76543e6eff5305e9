package dev.asap.space.constraint;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared names and config builders for the constraint tests. */
final class ConstraintTesting {
  static final Set<String> NAMES = new LinkedHashSet<>(List.of("tp", "pp", "dp", "x", "y", "z", "lr", "opt",
      "layers", "offload", "recompute", "global_batch", "micro_batch", "model.layers", "my-param", "in"));

  private ConstraintTesting() {}

  /** A config from alternating names and values; a null value leaves the name out. */
  static Map<String, Object> config(Object... namesAndValues) {
    Map<String, Object> config = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        config.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return config;
  }

  static Constraint parse(String text) {
    return Constraint.parse(text, NAMES);
  }

  static boolean holds(String text, Object... namesAndValues) {
    return parse(text).test(config(namesAndValues));
  }

  static double violation(String text, Object... namesAndValues) {
    return parse(text).violation(config(namesAndValues));
  }
}
