package dev.asap.bench.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranks of competitors by a score where lower is better: 1 for the best, ties share the mean of the ranks
 * they span, and NaN counts as worst (tied with every other NaN).
 */
public final class Ranks {
  private Ranks() {}

  /** The rank of each entry of {@code scores}. */
  public static double[] of(double[] scores) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> key(scores[i])));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && Double.compare(key(scores[order[j + 1]]), key(scores[order[i]])) == 0) {
        j++;
      }
      double shared = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = shared;
      }
      i = j + 1;
    }
    return ranks;
  }

  /**
   * Mean rank of each competitor over blocks (tasks).
   *
   * @param scores {@code scores[block][competitor]}
   */
  public static double[] mean(double[][] scores) {
    if (scores.length == 0) {
      return new double[0];
    }
    double[] sum = new double[scores[0].length];
    for (double[] block : scores) {
      double[] r = of(block);
      for (int c = 0; c < r.length; c++) {
        sum[c] += r[c];
      }
    }
    for (int c = 0; c < sum.length; c++) {
      sum[c] /= scores.length;
    }
    return sum;
  }

  /** Double.compare's order puts NaN after +infinity and equal to itself; -0.0 is folded into 0.0. */
  private static double key(double v) {
    return v + 0.0;
  }
}
