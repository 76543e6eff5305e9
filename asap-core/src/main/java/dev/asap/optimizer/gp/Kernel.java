package dev.asap.optimizer.gp;

/**
 * k(a, b) = s · Matérn-5/2(r) · exp(−Σ_c [a_c ≠ b_c] / ℓ_c), where r is the ARD-scaled Euclidean distance over
 * numeric features and the second factor is the exponentiated-Hamming (overlap) kernel over categorical ones,
 * each with its own lengthscale (as in BoTorch's mixed model; a product keeps the kernel PSD).
 *
 * <p>Inputs are "scaled" features (see {@link #scale}): numeric coordinates divided by their lengthscales, so
 * that the hot loops only subtract and square. Several features may share a lengthscale ({@link FeatureMap}).
 */
final class Kernel {
  static final double SQRT5 = Math.sqrt(5);
  private final int numeric;
  private final int[] group;
  private final double[] inverseLengthscale;
  private final double signal;

  /** A kernel whose feature k has lengthscale {@code group[k]} of {@code h}; the first {@code numeric} are numeric. */
  Kernel(int numeric, int[] group, Hyperparameters h) {
    this.numeric = numeric;
    this.group = group.clone();
    this.inverseLengthscale = new double[group.length];
    for (int k = 0; k < group.length; k++) {
      inverseLengthscale[k] = 1 / h.lengthscale(group[k]);
    }
    this.signal = h.signal();
  }

  /** One lengthscale per feature. */
  Kernel(int numeric, Hyperparameters h) {
    this(numeric, identity(h.lengthscales()), h);
  }

  static int[] identity(int n) {
    int[] g = new int[n];
    for (int k = 0; k < n; k++) {
      g[k] = k;
    }
    return g;
  }

  int numeric() {
    return numeric;
  }

  double signal() {
    return signal;
  }

  /** 1 / ℓ of feature k. */
  double inverseLengthscale(int k) {
    return inverseLengthscale[k];
  }

  /** The lengthscale (hyperparameter) index of feature k. */
  int group(int k) {
    return group[k];
  }

  /** Numeric features divided by their lengthscales; categorical indices unchanged. */
  double[] scale(double[] features) {
    double[] s = features.clone();
    for (int k = 0; k < numeric; k++) {
      s[k] *= inverseLengthscale[k];
    }
    return s;
  }

  /** Squared scaled distance over numeric features. */
  double squaredDistance(double[] a, double[] b) {
    double r2 = 0;
    for (int k = 0; k < numeric; k++) {
      double d = a[k] - b[k];
      r2 += d * d;
    }
    return r2;
  }

  /** Σ over categorical features that differ of 1 / ℓ. */
  double hamming(double[] a, double[] b) {
    double h = 0;
    for (int k = numeric; k < a.length; k++) {
      if (a[k] != b[k]) {
        h += inverseLengthscale[k];
      }
    }
    return h;
  }

  /** Covariance of two scaled points, without the noise term. */
  double covariance(double[] a, double[] b) {
    return signal * correlation(squaredDistance(a, b), hamming(a, b));
  }

  /** Matérn-5/2 at squared distance r2 times exp(−hamming): one exponential for both factors. */
  static double correlation(double r2, double hamming) {
    double r = Math.sqrt(r2);
    return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r - hamming);
  }
}
