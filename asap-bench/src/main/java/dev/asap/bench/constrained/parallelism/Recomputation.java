package dev.asap.bench.constrained.parallelism;

import java.util.Locale;

/**
 * Activation recomputation (Korthikanti et al. 2022): keep every activation, recompute only the attention core
 * (selective) or keep only each layer's input and recompute the layer in the backward pass (full).
 */
public enum Recomputation {
  NONE,
  SELECTIVE,
  FULL;

  /** As written in configs: none, selective, full. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Recomputation of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
