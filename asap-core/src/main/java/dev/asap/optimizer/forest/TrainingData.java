package dev.asap.optimizer.forest;

import java.util.Arrays;

/**
 * The forest's training matrix, stored column by column, prepared once per fit so that no tree node sorts:
 * a numeric column with few distinct values (ints, ordinals, grids, mostly-inactive floats) gets each
 * sample's rank among them, to be split by histogram; any other numeric column gets its samples' order.
 */
final class TrainingData {
  /** Columns with at most this many distinct values are split by histogram. */
  static final int MAX_BINS = 64;

  private final double[][] columns;
  private final double[] y;
  private final int[] cardinality;
  private final int[][] order;
  private final int[][] bins;
  private final double[][] binValues;

  /**
   * @param rows        one feature vector per sample
   * @param y           one target per sample
   * @param cardinality per feature: 0 for numeric, else the number of categories (values 0 … k-1)
   */
  TrainingData(double[][] rows, double[] y, int[] cardinality) {
    if (rows.length != y.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + y.length + " targets");
    }
    int n = rows.length;
    int d = cardinality.length;
    this.columns = new double[d][n];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, expected " + d);
      }
      for (int f = 0; f < d; f++) {
        columns[f][i] = rows[i][f];
      }
    }
    this.y = y.clone();
    this.cardinality = cardinality.clone();
    this.order = new int[d][];
    this.bins = new int[d][];
    this.binValues = new double[d][];
    for (int f = 0; f < d; f++) {
      if (cardinality[f] == 0) {
        int[] sorted = sortedIndices(columns[f]);
        if (!rank(f, sorted)) {
          order[f] = sorted;
        }
      }
    }
  }

  /** Ranks the samples of column f among its distinct values, unless there are more than MAX_BINS. */
  private boolean rank(int f, int[] sorted) {
    double[] x = columns[f];
    int n = sorted.length;
    int distinct = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || x[sorted[k]] > x[sorted[k - 1]]) {
        if (++distinct > MAX_BINS) {
          return false;
        }
      }
    }
    int[] rank = new int[n];
    double[] values = new double[distinct];
    int b = -1;
    for (int k = 0; k < n; k++) {
      int i = sorted[k];
      if (k == 0 || x[i] > x[sorted[k - 1]]) {
        values[++b] = x[i];
      }
      rank[i] = b;
    }
    bins[f] = rank;
    binValues[f] = values;
    return true;
  }

  int size() {
    return y.length;
  }

  int dimension() {
    return cardinality.length;
  }

  double[] column(int feature) {
    return columns[feature];
  }

  double[] y() {
    return y;
  }

  int cardinality(int feature) {
    return cardinality[feature];
  }

  int maxCardinality() {
    int max = 0;
    for (int c : cardinality) {
      max = Math.max(max, c);
    }
    return max;
  }

  /** Sample indices in increasing order of a numeric, non-binned feature (ties by index); else null. */
  int[] order(int feature) {
    return order[feature];
  }

  /** Per sample, the rank of its value among the feature's distinct values; null unless binned. */
  int[] bins(int feature) {
    return bins[feature];
  }

  /** The distinct values of a binned feature, increasing. */
  double[] binValues(int feature) {
    return binValues[feature];
  }

  /**
   * Sample indices by increasing value, ties by index: a stable LSD radix sort on the values' order-preserving
   * bit patterns. Unlike a comparison sort it has no data-dependent branches to mispredict, and it skips
   * the bytes that every value shares (the exponent of values in the unit interval, for instance).
   */
  private static int[] sortedIndices(double[] values) {
    int n = values.length;
    long[] keys = new long[n];
    int[] index = new int[n];
    if (n == 0) {
      return index;
    }
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(values[i] + 0.0); // + 0.0 turns -0.0 into 0.0
      // Flip negative numbers' magnitude bits, then the sign bit: unsigned order is then numeric order.
      keys[i] = (bits ^ ((bits >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
      index[i] = i;
    }
    long[] keyBuffer = new long[n];
    int[] indexBuffer = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((keys[i] >>> shift) & 0xFF) + 1]++;
      }
      if (count[(int) ((keys[0] >>> shift) & 0xFF) + 1] == n) {
        continue; // every key has this byte: the pass would not move anything
      }
      for (int d = 0; d < 256; d++) {
        count[d + 1] += count[d];
      }
      for (int i = 0; i < n; i++) {
        int at = count[(int) ((keys[i] >>> shift) & 0xFF)]++;
        keyBuffer[at] = keys[i];
        indexBuffer[at] = index[i];
      }
      long[] k = keys;
      keys = keyBuffer;
      keyBuffer = k;
      int[] t = index;
      index = indexBuffer;
      indexBuffer = t;
    }
    return index;
  }
}
