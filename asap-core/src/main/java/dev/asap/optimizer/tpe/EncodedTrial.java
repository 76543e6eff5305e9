package dev.asap.optimizer.tpe;

import java.util.BitSet;

/**
 * One trial's config as TPE reads it: unit-cube coordinates (NaN where inactive), the grid value or category
 * of each discrete coordinate (-1 otherwise), the set of active parameters, and the id its
 * {@link EncodingCache} gave to that set (equal sets, equal ids).
 */
final class EncodedTrial {
  private final int number;
  private final double[] unit;
  private final int[] level;
  private final BitSet active;
  private final int structure;

  EncodedTrial(int number, double[] unit, int[] level, BitSet active, int structure) {
    this.number = number;
    this.unit = unit;
    this.level = level;
    this.active = active;
    this.structure = structure;
  }

  int number() {
    return number;
  }

  double unit(int parameter) {
    return unit[parameter];
  }

  int level(int parameter) {
    return level[parameter];
  }

  /** True when every parameter of {@code group} is active in this trial. */
  boolean hasAll(int[] group) {
    for (int p : group) {
      if (!active.get(p)) {
        return false;
      }
    }
    return true;
  }

  /** The active parameters; callers must not modify it. */
  BitSet active() {
    return active;
  }

  /** Id of the set of active parameters, shared by every trial with the same set. */
  int structure() {
    return structure;
  }
}
