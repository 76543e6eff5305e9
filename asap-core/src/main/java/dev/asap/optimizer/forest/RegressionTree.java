package dev.asap.optimizer.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A CART regression tree on primitive arrays. Numeric splits send {@code x <= threshold} left; categorical
 * splits send the categories of a bit mask left. Every leaf keeps the weighted mean and variance of its
 * training targets, which the forest combines into its predictive variance.
 */
final class RegressionTree {
  /** pyrfr's epsilon_purity: a node whose targets span less than this is not split further. */
  private static final double PURITY = 1e-8;

  /** Node code of a leaf; numeric splits use the feature index, categorical ones {@code -2 - feature}. */
  private static final int LEAF = -1;

  /**
   * Two longs per node, so that a lookup touches one cache line: the threshold's bits (or, for a categorical
   * split, the offset of its mask in {@link #masks}), then the node code in the high and the left child in the
   * low 32 bits. The right child is always the left one plus one.
   */
  private final long[] nodes;
  private final long[] masks;
  /** Per node: mean and variance of the training targets that reach it. */
  private final double[] stats;

  private RegressionTree(Builder b) {
    this.nodes = new long[2 * b.nodes];
    this.stats = new double[2 * b.nodes];
    for (int k = 0; k < b.nodes; k++) {
      int f = b.feature[k];
      int code = f < 0 ? LEAF : b.maskStart[k] >= 0 ? -2 - f : f;
      nodes[2 * k] = b.maskStart[k] >= 0 ? b.maskStart[k] : Double.doubleToRawLongBits(b.threshold[k]);
      nodes[2 * k + 1] = ((long) code << 32) | (b.left[k] & 0xFFFFFFFFL);
      stats[2 * k] = b.mean[k];
      stats[2 * k + 1] = b.variance[k];
    }
    this.masks = Arrays.copyOf(b.masks, b.maskWords);
  }

  /**
   * Grows a tree on the samples with positive weight.
   *
   * @param weights per sample, how often it is in this tree's (bootstrap) sample
   */
  static RegressionTree fit(TrainingData data, int[] weights, ForestSettings settings, SplittableRandom random) {
    return new Builder(data, weights, settings, random).build();
  }

  /** The leaf that {@code x} falls into. */
  int leaf(double[] x) {
    int node = 0;
    for (int next = step(node, x); next != node; next = step(node, x)) {
      node = next;
    }
    return node;
  }

  /** The feature that {@code node} tests, or -1 for a leaf. */
  int feature(int node) {
    int code = (int) (nodes[2 * node + 1] >> 32);
    return code >= 0 ? code : code == LEAF ? -1 : -2 - code;
  }

  /** The child of {@code node} that {@code x} goes to, or {@code node} itself when it is a leaf. */
  int step(int node, double[] x) {
    long meta = nodes[2 * node + 1];
    int code = (int) (meta >> 32);
    int left = (int) meta;
    if (code >= 0) {
      return left + (x[code] <= Double.longBitsToDouble(nodes[2 * node]) ? 0 : 1);
    }
    if (code == LEAF) {
      return node;
    }
    int c = (int) x[-2 - code];
    long bit = (masks[(int) nodes[2 * node] + (c >>> 6)] >>> (c & 63)) & 1L;
    return left + 1 - (int) bit;
  }

  double mean(int leaf) {
    return stats[2 * leaf];
  }

  double variance(int leaf) {
    return stats[2 * leaf + 1];
  }

  double predict(double[] x) {
    return mean(leaf(x));
  }

  int nodeCount() {
    return nodes.length / 2;
  }

  /** Depth-first growth with an explicit stack; children partition their parent's segment of each order. */
  private static final class Builder {
    private final TrainingData data;
    private final int[] weights;
    private final ForestSettings settings;
    private final SplittableRandom random;
    private final SplitFinder finder;
    private final int[] samples;
    private final int[][] sorted;
    private final int[] side;
    private final int[] buffer;
    private final int[] featureOrder;
    private final int maxFeatures;

    private int nodes;
    private int[] feature;
    private double[] threshold;
    private int[] maskStart;
    private int[] left;
    private double[] mean;
    private double[] variance;
    private long[] masks = new long[8];
    private int maskWords;

    private int bestFeature;
    private double bestThreshold;
    private long[] bestMask;

    Builder(TrainingData data, int[] weights, ForestSettings settings, SplittableRandom random) {
      this.data = data;
      this.weights = weights;
      this.settings = settings;
      this.random = random;
      this.finder = new SplitFinder(data, weights, settings.minSamplesLeaf());
      int n = data.size();
      int d = data.dimension();
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (weights[i] > 0) {
          m++;
        }
      }
      this.samples = new int[m];
      for (int i = 0, j = 0; i < n; i++) {
        if (weights[i] > 0) {
          samples[j++] = i;
        }
      }
      this.sorted = new int[d][];
      for (int f = 0; f < d; f++) {
        int[] all = data.order(f);
        if (all != null) {
          // Branch-free filter of the samples in this tree (about 37% of them are not, in a bootstrap).
          int[] mine = new int[m + 1];
          int j = 0;
          for (int i : all) {
            mine[j] = i;
            j += Integer.signum(weights[i]);
          }
          sorted[f] = Arrays.copyOf(mine, m);
        }
      }
      this.side = new int[n];
      this.buffer = new int[m];
      this.featureOrder = new int[d];
      for (int f = 0; f < d; f++) {
        featureOrder[f] = f;
      }
      this.maxFeatures = settings.maxFeatures(d);
      // Every leaf holds at least minSamplesLeaf of the n bootstrap draws, so this capacity never grows.
      int capacity = 2 * (n / settings.minSamplesLeaf()) + 1;
      this.feature = new int[capacity];
      this.threshold = new double[capacity];
      this.maskStart = new int[capacity];
      this.left = new int[capacity];
      this.mean = new double[capacity];
      this.variance = new double[capacity];
    }

    RegressionTree build() {
      // Pending nodes as (node, start, end, depth) quadruples.
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = newNode();
      stack[top++] = 0;
      stack[top++] = samples.length;
      stack[top++] = 0;
      while (top > 0) {
        int depth = stack[--top];
        int end = stack[--top];
        int start = stack[--top];
        int node = stack[--top];
        double w = 0;
        double sum = 0;
        double sumSq = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] y = data.y();
        for (int k = start; k < end; k++) {
          int i = samples[k];
          double yi = y[i];
          w += weights[i];
          sum += weights[i] * yi;
          sumSq += weights[i] * yi * yi;
          lo = Math.min(lo, yi);
          hi = Math.max(hi, yi);
        }
        double mu = w > 0 ? sum / w : 0;
        mean[node] = mu;
        variance[node] = w > 0 ? Math.max(0, sumSq / w - mu * mu) : 0;
        if (w < settings.minSamplesSplit() || hi - lo <= PURITY || depth >= settings.maxDepth()
            || !findSplit(start, end, w, sum)) {
          continue;
        }
        int mid = partition(start, end);
        int l = newNode();
        int r = newNode(); // always l + 1
        feature[node] = bestFeature;
        left[node] = l;
        if (bestMask == null) {
          threshold[node] = bestThreshold;
        } else {
          maskStart[node] = addMask(bestMask);
        }
        if (top + 8 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        top = push(stack, top, r, mid, end, depth + 1);
        top = push(stack, top, l, start, mid, depth + 1);
      }
      return new RegressionTree(this);
    }

    private static int push(int[] stack, int top, int node, int start, int end, int depth) {
      stack[top] = node;
      stack[top + 1] = start;
      stack[top + 2] = end;
      stack[top + 3] = depth;
      return top + 4;
    }

    /**
     * Tries features in random order until {@code maxFeatures} of them allowed a split. Unlike pyrfr,
     * features that cannot split this node (constant here) do not use up the budget, as in scikit-learn.
     */
    private boolean findSplit(int start, int end, double w, double sum) {
      int d = featureOrder.length;
      int tried = 0;
      double best = Double.NEGATIVE_INFINITY;
      bestFeature = -1;
      for (int j = 0; j < d && tried < maxFeatures; j++) {
        int swap = j + random.nextInt(d - j);
        int f = featureOrder[swap];
        featureOrder[swap] = featureOrder[j];
        featureOrder[j] = f;
        int k = data.cardinality(f);
        double score = k > 0 ? finder.categorical(f, samples, start, end, w, sum)
            : sorted[f] != null ? finder.numeric(f, sorted[f], start, end, w, sum)
            : finder.binned(f, samples, start, end, w, sum);
        if (score == Double.NEGATIVE_INFINITY) {
          continue;
        }
        tried++;
        if (score > best) {
          best = score;
          bestFeature = f;
          if (k == 0) {
            bestThreshold = finder.threshold(random);
            bestMask = null;
          } else {
            bestMask = finder.mask(k, random);
          }
        }
      }
      return bestFeature >= 0;
    }

    /** Marks the samples that go left (side 1), then stably partitions the node's segment of every order. */
    private int partition(int start, int end) {
      double[] x = data.column(bestFeature);
      for (int k = start; k < end; k++) {
        int i = samples[k];
        if (bestMask == null) {
          side[i] = x[i] <= bestThreshold ? 1 : 0;
        } else {
          int c = (int) x[i];
          side[i] = (int) ((bestMask[c >>> 6] >>> (c & 63)) & 1L);
        }
      }
      int mid = partition(samples, start, end);
      for (int[] order : sorted) {
        if (order != null) {
          partition(order, start, end);
        }
      }
      return mid;
    }

    /** Branch-free: the left/right pattern is random, so a branch per sample would mostly mispredict. */
    private int partition(int[] a, int start, int end) {
      int l = start;
      int r = 0;
      for (int k = start; k < end; k++) {
        int i = a[k];
        int toLeft = side[i];
        a[l] = i;
        buffer[r] = i;
        l += toLeft;
        r += 1 - toLeft;
      }
      System.arraycopy(buffer, 0, a, l, r);
      return l;
    }

    private int newNode() {
      if (nodes == feature.length) {
        int c = nodes * 2;
        feature = Arrays.copyOf(feature, c);
        threshold = Arrays.copyOf(threshold, c);
        maskStart = Arrays.copyOf(maskStart, c);
        left = Arrays.copyOf(left, c);
        mean = Arrays.copyOf(mean, c);
        variance = Arrays.copyOf(variance, c);
      }
      feature[nodes] = -1;
      maskStart[nodes] = -1;
      threshold[nodes] = Double.NaN;
      return nodes++;
    }

    private int addMask(long[] mask) {
      while (maskWords + mask.length > masks.length) {
        masks = Arrays.copyOf(masks, masks.length * 2);
      }
      System.arraycopy(mask, 0, masks, maskWords, mask.length);
      int at = maskWords;
      maskWords += mask.length;
      return at;
    }
  }
}
