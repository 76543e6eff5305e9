package dev.asap.optimizer.gp;

import java.util.Arrays;

/**
 * A lower Cholesky factor stored row by row, so that appending a point is a rank-one extension costing O(n²)
 * and dropping the last points (fantasies) is free.
 *
 * <p>Row i depends on rows before it only, and a full factorisation is the same sequence of appends, so an
 * incrementally grown factor is bit-for-bit the one built from scratch: proposals stay reproducible when a
 * resumed study rebuilds the model instead of extending it.
 */
final class CholeskyFactor {
  private double[][] rows = new double[16][];
  private int size;

  CholeskyFactor() {}

  /** A copy to extend and truncate on its own; rows are never written once appended, so they are shared. */
  CholeskyFactor(CholeskyFactor other) {
    this.rows = other.rows.clone();
    this.size = other.size;
  }

  int size() {
    return size;
  }

  double get(int i, int j) {
    return rows[i][j];
  }

  /**
   * Appends the point whose covariances with the current points are {@code cross} (length size) and whose
   * variance is {@code variance}. In exact arithmetic the new pivot is at least the noise variance; when round-off
   * eats it (nearly coinciding points) it is floored at {@code minPivot} instead of failing.
   */
  void append(double[] cross, double variance, double minPivot) {
    int n = size;
    double[] row = new double[n + 1];
    double diag = variance;
    for (int j = 0; j < n; j++) {
      double[] rj = rows[j];
      double s = cross[j];
      for (int k = 0; k < j; k++) {
        s -= row[k] * rj[k];
      }
      double v = s / rj[j];
      row[j] = v;
      diag -= v * v;
    }
    row[n] = Math.sqrt(Math.max(diag, minPivot));
    if (n == rows.length) {
      rows = Arrays.copyOf(rows, 2 * n);
    }
    rows[n] = row;
    size = n + 1;
  }

  /** Keeps the first {@code n} points. */
  void truncate(int n) {
    for (int i = n; i < size; i++) {
      rows[i] = null;
    }
    size = Math.min(size, n);
  }

  /** Solves L x = b in place (b has length size). */
  void forwardSolve(double[] b) {
    for (int i = 0; i < size; i++) {
      double[] ri = rows[i];
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= ri[k] * b[k];
      }
      b[i] = s / ri[i];
    }
  }

  /**
   * Solves L X = B in place for the first {@code columns} columns of B, stored as rows b[i][c]: the inner loop
   * runs over columns, a contiguous AXPY the JIT vectorises, which is what makes scoring thousands of candidates
   * affordable.
   */
  void forwardSolve(double[][] b, int columns) {
    for (int i = 0; i < size; i++) {
      double[] ri = rows[i];
      double[] bi = b[i];
      for (int k = 0; k < i; k++) {
        double l = ri[k];
        double[] bk = b[k];
        for (int c = 0; c < columns; c++) {
          bi[c] -= l * bk[c];
        }
      }
      double inv = 1 / ri[i];
      for (int c = 0; c < columns; c++) {
        bi[c] *= inv;
      }
    }
  }
}
