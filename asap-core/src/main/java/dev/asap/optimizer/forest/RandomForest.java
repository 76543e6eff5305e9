package dev.asap.optimizer.forest;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A bagged ensemble of regression trees whose prediction is a mean and a variance.
 *
 * <p>The variance follows the law of total variance over the trees, as pyrfr's {@code predict_mean_var}
 * in SMAC: the variance of the tree means (disagreement between trees) plus the mean of the within-leaf
 * variances (noise the leaves could not resolve).
 */
final class RandomForest {
  private final RegressionTree[] trees;

  private RandomForest(RegressionTree[] trees) {
    this.trees = trees;
  }

  static RandomForest fit(TrainingData data, ForestSettings settings, Random random) {
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("a forest needs at least one sample");
    }
    RegressionTree[] trees = new RegressionTree[settings.trees()];
    for (int t = 0; t < trees.length; t++) {
      // A fast unsynchronised generator per tree; growing a tree draws thousands of numbers.
      SplittableRandom treeRandom = new SplittableRandom(random.nextLong());
      int[] weights = new int[n];
      if (settings.bootstrap()) {
        for (int i = 0; i < n; i++) {
          weights[treeRandom.nextInt(n)]++;
        }
      } else {
        Arrays.fill(weights, 1);
      }
      trees[t] = RegressionTree.fit(data, weights, settings, treeRandom);
    }
    return new RandomForest(trees);
  }

  MeanVar predict(double[] x) {
    return predict(route(x));
  }

  /** Combines the leaves a point reached by the law of total variance. */
  MeanVar predict(Route route) {
    double sum = 0;
    double sumSq = 0;
    double within = 0;
    int t = trees.length;
    for (int k = 0; k < t; k++) {
      int leaf = route.leaves[k];
      double m = trees[k].mean(leaf);
      sum += m;
      sumSq += m * m;
      within += trees[k].variance(leaf);
    }
    double mean = sum / t;
    double between = Math.max(0, sumSq / t - mean * mean);
    return new MeanVar(mean, between + within / t);
  }

  /** Where {@code x} lands in every tree. */
  Route route(double[] x) {
    int t = trees.length;
    int[] at = new int[t];
    long[] tested = new long[t];
    // Walk all trees a level at a time: the lookups of different trees are independent, so the processor
    // overlaps them instead of waiting on one tree's chain of loads after another.
    boolean moving = true;
    while (moving) {
      moving = false;
      for (int k = 0; k < t; k++) {
        int f = trees[k].feature(at[k]);
        if (f >= 0) {
          tested[k] |= bit(f);
          at[k] = trees[k].step(at[k], x);
          moving = true;
        }
      }
    }
    return new Route(at, tested);
  }

  /**
   * The route of {@code x}, which differs from the point of {@code from} in feature {@code changed} only.
   * A tree that never tested that feature on the way sends {@code x} to the same leaf, so only the other
   * trees are walked again: this is what makes local search cheap.
   */
  Route reroute(Route from, double[] x, int changed) {
    int[] at = from.leaves.clone();
    long[] tested = from.tested.clone();
    long mask = bit(changed);
    for (int k = 0; k < trees.length; k++) {
      if ((tested[k] & mask) != 0) {
        int node = 0;
        long seen = 0;
        for (int f = trees[k].feature(node); f >= 0; f = trees[k].feature(node)) {
          seen |= bit(f);
          node = trees[k].step(node, x);
        }
        at[k] = node;
        tested[k] = seen;
      }
    }
    return new Route(at, tested);
  }

  /** Features beyond the 64th share one catch-all bit pattern: any change to them re-walks every tree. */
  private static long bit(int feature) {
    return feature < 64 ? 1L << feature : -1L;
  }

  int size() {
    return trees.length;
  }

  /** A predictive mean and variance. */
  record MeanVar(double mean, double variance) {}

  /** Per tree, the leaf a point reached and the features tested on the way (one bit each). */
  record Route(int[] leaves, long[] tested) {}
}
