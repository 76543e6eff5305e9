package dev.asap.optimizer.tpe;

/** Candidates of one group in decreasing order of the TPE acquisition log l(x) − log g(x). */
final class RankedCandidates {
  private final Candidates candidates;
  private final int[] order;

  RankedCandidates(Candidates candidates, double[] acquisition) {
    this.candidates = candidates;
    int count = candidates.count();
    this.order = new int[count];
    // Insertion sort: 24 candidates, and ties keep the draw order so ranking is deterministic.
    for (int i = 0; i < count; i++) {
      int j = i;
      while (j > 0 && acquisition[i] > acquisition[order[j - 1]]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
  }

  int size() {
    return order.length;
  }

  /** Unit coordinate in the group's dimension {@code dimension} of the candidate ranked {@code rank} (0 = best). */
  double unit(int rank, int dimension) {
    return candidates.unit[dimension][order[rank]];
  }
}
