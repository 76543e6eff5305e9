package dev.asap.optimizer.gp;

import java.util.Arrays;

/**
 * The exact posterior of a GP over standardised targets, for fixed hyperparameters. Points are appended one at
 * a time (rank-one Cholesky extensions), so the model grows with the study between hyperparameter refits, and
 * fantasies for pending trials can be appended and truncated again.
 *
 * <p>The constant prior mean is the generalised-least-squares estimate 1ᵀK⁻¹y / 1ᵀK⁻¹1 (ordinary kriging), not
 * the plain average: a cluster of correlated points around the incumbent counts about as one observation, so
 * unexplored regions are expected to be as good as the space at large, not as good as the places BO sampled.
 */
final class GaussianProcess {
  private static final int CHUNK = 128;
  private final Kernel kernel;
  private final double noise;
  private final CholeskyFactor factor;
  private double[][] points = new double[16][];
  private double[] beta = new double[0];
  private double constantMean;
  private double[][] buffer = new double[0][];

  GaussianProcess(Kernel kernel, double noise) {
    this.kernel = kernel;
    this.noise = noise;
    this.factor = new CholeskyFactor();
  }

  /**
   * A copy with the same points and targets that can be extended, truncated and used for predictions on its own
   * (another thread's included): the kernel and the scaled points are never written, so they are shared; the
   * factor is copied and the prediction scratch buffer is not.
   */
  GaussianProcess(GaussianProcess other) {
    this.kernel = other.kernel;
    this.noise = other.noise;
    this.factor = new CholeskyFactor(other.factor);
    this.points = other.points.clone();
    this.beta = other.beta.clone();
    this.constantMean = other.constantMean;
  }

  int size() {
    return factor.size();
  }

  double noise() {
    return noise;
  }

  /** Adds a training point (unscaled features); call {@link #setTargets} before predicting. */
  void add(double[] features) {
    int n = size();
    double[] scaled = kernel.scale(features);
    double[] cross = new double[n];
    for (int i = 0; i < n; i++) {
      cross[i] = kernel.covariance(points[i], scaled);
    }
    factor.append(cross, kernel.signal() + noise, noise);
    if (n == points.length) {
      points = Arrays.copyOf(points, 2 * n);
    }
    points[n] = scaled;
  }

  /** Drops every point after the first {@code n} (e.g. fantasies). */
  void truncate(int n) {
    factor.truncate(n);
    for (int i = n; i < points.length; i++) {
      points[i] = null;
    }
  }

  /** Sets the targets of all current points, in the order they were added. */
  void setTargets(double[] y) {
    if (y.length != size()) {
      throw new IllegalArgumentException("expected " + size() + " targets, got " + y.length);
    }
    beta = y.clone();
    factor.forwardSolve(beta);
    double[] ones = new double[y.length];
    Arrays.fill(ones, 1);
    factor.forwardSolve(ones);
    double oy = 0;
    double oo = 0;
    for (int i = 0; i < y.length; i++) {
      oy += ones[i] * beta[i];
      oo += ones[i] * ones[i];
    }
    constantMean = oo > 0 ? oy / oo : 0;
    for (int i = 0; i < y.length; i++) {
      beta[i] -= constantMean * ones[i];
    }
  }

  /** The estimated constant prior mean. */
  double constantMean() {
    return constantMean;
  }

  /**
   * Posterior mean and latent (noise-free) variance at the first {@code count} of {@code features}: with
   * V = L⁻¹ K(X, x*), mean = m + Vᵀ L⁻¹ (y − m) and variance = k(x*, x*) − ‖V‖².
   */
  void predict(double[][] features, int count, double[] mean, double[] variance) {
    int n = size();
    double signal = kernel.signal();
    if (buffer.length < n) {
      buffer = new double[Math.max(n, 2 * buffer.length)][];
    }
    for (int i = 0; i < n; i++) {
      if (buffer[i] == null) {
        buffer[i] = new double[CHUNK];
      }
    }
    double[][] scaled = new double[CHUNK][];
    double[] m = new double[CHUNK];
    double[] ss = new double[CHUNK];
    for (int start = 0; start < count; start += CHUNK) {
      int columns = Math.min(CHUNK, count - start);
      for (int c = 0; c < columns; c++) {
        scaled[c] = kernel.scale(features[start + c]);
      }
      for (int i = 0; i < n; i++) {
        double[] bi = buffer[i];
        double[] pi = points[i];
        for (int c = 0; c < columns; c++) {
          bi[c] = kernel.covariance(pi, scaled[c]);
        }
      }
      factor.forwardSolve(buffer, columns);
      Arrays.fill(m, 0);
      Arrays.fill(ss, 0);
      for (int i = 0; i < n; i++) {
        double[] bi = buffer[i];
        double b = beta[i];
        for (int c = 0; c < columns; c++) {
          double v = bi[c];
          m[c] += v * b;
          ss[c] += v * v;
        }
      }
      for (int c = 0; c < columns; c++) {
        mean[start + c] = constantMean + m[c];
        // Round-off can push the difference below zero at training points; keep a sliver of uncertainty.
        variance[start + c] = Math.max(signal - ss[c], 1e-12 * signal);
      }
    }
  }
}
