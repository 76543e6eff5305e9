package dev.asap.optimizer.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Finds the best variance-reducing split of one tree node on one feature.
 *
 * <p>Samples carry integer weights (their bootstrap counts). A split's score is its variance reduction,
 * the drop in the residual sum of squares {@code (S_L W_R - S_R W_L)² / (W_L W_R W)} (S the weighted sum of
 * targets, W the weight of a side or of the node), as in pyrfr, SMAC's forest. Both sides must keep at
 * least {@code minLeaf} weight.
 */
final class SplitFinder {
  private final TrainingData data;
  private final int[] weights;
  private final int minLeaf;
  private final double[] categoryWeight;
  private final double[] categorySum;
  private final int[] categoryOrder;
  private int presentCategories;
  private int leftCategories;
  private double low;
  private double high;

  SplitFinder(TrainingData data, int[] weights, int minLeaf) {
    this.data = data;
    this.weights = weights;
    this.minLeaf = minLeaf;
    int k = Math.max(TrainingData.MAX_BINS, data.maxCardinality());
    this.categoryWeight = new double[k];
    this.categorySum = new double[k];
    this.categoryOrder = new int[k];
  }

  /**
   * Scans the node's samples in the feature's order, {@code sorted[start, end)}, and returns the best score
   * or negative infinity when no split is allowed. Equal values are never separated.
   */
  double numeric(int feature, int[] sorted, int start, int end, double totalWeight, double totalSum) {
    double[] x = data.column(feature);
    double[] y = data.y();
    double wl = 0;
    double sl = 0;
    double bestNum = -1;
    double bestDen = 1;
    for (int k = start; k < end - 1; k++) {
      int i = sorted[k];
      wl += weights[i];
      sl += weights[i] * y[i];
      double here = x[i];
      double next = x[sorted[k + 1]];
      if (!(next > here) || wl < minLeaf) {
        continue;
      }
      double wr = totalWeight - wl;
      if (wr < minLeaf) {
        break;
      }
      // The gain is (sl*wr - sr*wl)^2 / (wl*wr*W); candidates are compared as fractions by
      // cross-multiplying, which keeps divisions (the slowest operation here) out of the scan.
      double diff = sl * wr - (totalSum - sl) * wl;
      double num = diff * diff;
      double den = wl * wr;
      if (num * bestDen > bestNum * den) {
        bestNum = num;
        bestDen = den;
        low = here;
        high = next;
      }
    }
    return bestNum < 0 ? Double.NEGATIVE_INFINITY : bestNum / (bestDen * totalWeight);
  }

  /**
   * The same search as {@link #numeric} for a feature with few distinct values: a histogram of the node's
   * samples over the values, {@code samples[start, end)}, then one pass over the values in order.
   */
  double binned(int feature, int[] samples, int start, int end, double totalWeight, double totalSum) {
    int[] rank = data.bins(feature);
    double[] values = data.binValues(feature);
    double[] y = data.y();
    int b = values.length;
    Arrays.fill(categoryWeight, 0, b, 0);
    Arrays.fill(categorySum, 0, b, 0);
    for (int j = start; j < end; j++) {
      int i = samples[j];
      categoryWeight[rank[i]] += weights[i];
      categorySum[rank[i]] += weights[i] * y[i];
    }
    double wl = 0;
    double sl = 0;
    double bestNum = -1;
    double bestDen = 1;
    int previous = -1;
    for (int v = 0; v < b; v++) {
      if (categoryWeight[v] == 0) {
        continue;
      }
      if (previous >= 0 && wl >= minLeaf) {
        double wr = totalWeight - wl;
        if (wr < minLeaf) {
          break;
        }
        double diff = sl * wr - (totalSum - sl) * wl;
        double num = diff * diff;
        double den = wl * wr;
        if (num * bestDen > bestNum * den) {
          bestNum = num;
          bestDen = den;
          low = values[previous];
          high = values[v];
        }
      }
      wl += categoryWeight[v];
      sl += categorySum[v];
      previous = v;
    }
    return bestNum < 0 ? Double.NEGATIVE_INFINITY : bestNum / (bestDen * totalWeight);
  }

  /**
   * A threshold for the last numeric split: uniform between the two values it separates, as pyrfr draws
   * it, so that trees disagree (and the forest is uncertain) inside gaps between observations.
   */
  double threshold(SplittableRandom random) {
    double t = low + random.nextDouble() * (high - low);
    return t < high ? t : low;
  }

  /**
   * Best split of a categorical feature into two sets of categories. Present categories are ordered by
   * their mean target and only prefixes of that order are tried: for squared loss the best partition is
   * among them (Breiman et al., 1984), so k categories cost k-1 evaluations instead of 2^(k-1).
   */
  double categorical(int feature, int[] samples, int start, int end, double totalWeight, double totalSum) {
    double[] x = data.column(feature);
    double[] y = data.y();
    int k = data.cardinality(feature);
    Arrays.fill(categoryWeight, 0, k, 0);
    Arrays.fill(categorySum, 0, k, 0);
    for (int j = start; j < end; j++) {
      int i = samples[j];
      int c = (int) x[i];
      categoryWeight[c] += weights[i];
      categorySum[c] += weights[i] * y[i];
    }
    presentCategories = 0;
    for (int c = 0; c < k; c++) {
      if (categoryWeight[c] > 0) {
        categoryOrder[presentCategories++] = c;
      }
    }
    if (presentCategories < 2) {
      return Double.NEGATIVE_INFINITY;
    }
    sortByMean();
    double wl = 0;
    double sl = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < presentCategories - 1; p++) {
      int c = categoryOrder[p];
      wl += categoryWeight[c];
      sl += categorySum[c];
      double wr = totalWeight - wl;
      if (wl < minLeaf || wr < minLeaf) {
        continue;
      }
      double diff = sl * wr - (totalSum - sl) * wl;
      double gain = diff * diff / (wl * wr * totalWeight);
      if (gain > best) {
        best = gain;
        leftCategories = p + 1;
      }
    }
    return best;
  }

  /**
   * The left set of the last categorical split as a bit mask over {@code cardinality} categories.
   * Categories absent from the node go to a random side, as in pyrfr, rather than always the same one.
   */
  long[] mask(int cardinality, SplittableRandom random) {
    long[] mask = new long[(cardinality + 63) >>> 6];
    for (int p = 0; p < leftCategories; p++) {
      set(mask, categoryOrder[p]);
    }
    for (int c = 0; c < cardinality; c++) {
      if (categoryWeight[c] == 0 && random.nextBoolean()) {
        set(mask, c);
      }
    }
    return mask;
  }

  private static void set(long[] mask, int c) {
    mask[c >>> 6] |= 1L << (c & 63);
  }

  /** Insertion sort of the present categories by mean target; there are few of them. */
  private void sortByMean() {
    for (int a = 1; a < presentCategories; a++) {
      int c = categoryOrder[a];
      double mean = categorySum[c] / categoryWeight[c];
      int b = a - 1;
      while (b >= 0 && categorySum[categoryOrder[b]] / categoryWeight[categoryOrder[b]] > mean) {
        categoryOrder[b + 1] = categoryOrder[b];
        b--;
      }
      categoryOrder[b + 1] = c;
    }
  }
}
