package dev.asap.optimizer.de;

/**
 * The DE population: one slot per target, each holding a unit-cube vector and its loss (+infinity until a
 * result arrives or after a failure), plus how many trial vectors for it are being evaluated.
 */
final class Population {
  private final double[][] vectors;
  private final double[] losses;
  private final int[] pending;
  private int next;

  Population(int size) {
    this.vectors = new double[size][];
    this.losses = new double[size];
    this.pending = new int[size];
    java.util.Arrays.fill(losses, Double.POSITIVE_INFINITY);
  }

  /** A copy with its own slots and counters; the vectors are never modified in place, so they are shared. */
  Population(Population other) {
    this.vectors = other.vectors.clone();
    this.losses = other.losses.clone();
    this.pending = other.pending.clone();
    this.next = other.next;
  }

  int size() {
    return vectors.length;
  }

  double[] vector(int slot) {
    return vectors[slot];
  }

  double loss(int slot) {
    return losses[slot];
  }

  /** Sets a slot's occupant outright (initial design, warm start). */
  void place(int slot, double[] vector, double loss) {
    vectors[slot] = vector;
    losses[slot] = loss;
  }

  /**
   * DE selection: the candidate replaces the slot's occupant when it is at least as good. Accepting ties,
   * as DEHB and Storn and Price do, lets the population drift across plateaus instead of freezing there.
   *
   * @return true when the candidate took the slot
   */
  boolean offer(int slot, double[] vector, double loss) {
    if (loss <= losses[slot]) {
      vectors[slot] = vector;
      losses[slot] = loss;
      return true;
    }
    return false;
  }

  void addPending(int slot) {
    pending[slot]++;
  }

  void removePending(int slot) {
    pending[slot] = Math.max(0, pending[slot] - 1);
  }

  /** The round-robin cursor: where {@link #nextTarget} starts looking. */
  int cursor() {
    return next;
  }

  /** Puts the round-robin cursor back, for a trial vector that will never be evaluated. */
  void rewind(int cursor) {
    next = cursor;
  }

  int pending(int slot) {
    return pending[slot];
  }

  /**
   * The next target in round-robin order, skipping targets whose trial vector is still being evaluated; when
   * every target has one (more workers than slots), the first in round-robin order with the fewest.
   */
  int nextTarget() {
    int chosen = -1;
    for (int k = 0; k < vectors.length; k++) {
      int slot = (next + k) % vectors.length;
      if (chosen < 0 || pending[slot] < pending[chosen]) {
        chosen = slot;
      }
      if (pending[slot] == 0) {
        break;
      }
    }
    next = (chosen + 1) % vectors.length;
    return chosen;
  }

  /** The slot with the lowest loss (the first of equals). */
  int best() {
    int b = 0;
    for (int i = 1; i < losses.length; i++) {
      if (losses[i] < losses[b]) {
        b = i;
      }
    }
    return b;
  }

  /** The slot with the highest loss (the last of equals). */
  int worst() {
    int w = 0;
    for (int i = 1; i < losses.length; i++) {
      if (losses[i] >= losses[w]) {
        w = i;
      }
    }
    return w;
  }
}
