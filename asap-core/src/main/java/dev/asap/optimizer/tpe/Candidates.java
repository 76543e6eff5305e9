package dev.asap.optimizer.tpe;

/**
 * Points drawn from a Parzen estimator over one group, stored by dimension: {@code unit[d][c]} is candidate
 * c's coordinate in the group's dimension d, {@code level[d][c]} its grid value or category (-1 when the
 * dimension is continuous).
 */
final class Candidates {
  final double[][] unit;
  final int[][] level;
  private final int count;

  Candidates(int dimensions, int count) {
    this.unit = new double[dimensions][count];
    this.level = new int[dimensions][count];
    this.count = count;
  }

  int count() {
    return count;
  }
}
