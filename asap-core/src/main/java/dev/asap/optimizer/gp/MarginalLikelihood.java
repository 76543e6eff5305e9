package dev.asap.optimizer.gp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The GP's log marginal likelihood log p(y | X, θ) on fixed data, with its exact gradient in log-hyperparameter
 * space; as an {@link Lbfgsb.Objective} it is the negative log posterior (likelihood plus {@link HyperPrior}).
 *
 * <p>The GP has a constant mean (as BoTorch's ConstantMean), profiled out at its generalised-least-squares value
 * for each θ. Gradient: ∂/∂θ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ) with α = K⁻¹(y − m) (Rasmussen and Williams, eq. 5.9;
 * m's own dependence on θ drops out because the likelihood is stationary in m there). One Cholesky and one
 * inverse per evaluation (EJML), then a single pass over the pairs accumulates every component.
 */
final class MarginalLikelihood implements Lbfgsb.Objective {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private final double[][] features;
  private final double[] y;
  private final int numeric;
  private final int[] group;
  private final HyperPrior prior;

  /** Features as {@link Kernel} takes them: the first {@code numeric} numeric, feature k with lengthscale group[k]. */
  MarginalLikelihood(double[][] features, double[] y, int numeric, int[] group, HyperPrior prior) {
    this.features = features;
    this.y = y;
    this.numeric = numeric;
    this.group = group.clone();
    this.prior = prior;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    double ll = logLikelihood(theta, gradient);
    if (!Double.isFinite(ll)) {
      Arrays.fill(gradient, 0);
      return Double.POSITIVE_INFINITY;
    }
    double lp = prior.logDensity(theta, gradient);
    for (int k = 0; k < gradient.length; k++) {
      gradient[k] = -gradient[k];
    }
    return -(ll + lp);
  }

  /**
   * log p(y | X, θ), or −∞ when the covariance is not numerically positive definite. When {@code gradient} is
   * not null it receives ∂/∂θ (overwritten).
   */
  double logLikelihood(double[] theta, double[] gradient) {
    int n = y.length;
    Hyperparameters h = new Hyperparameters(theta.clone());
    Kernel kernel = new Kernel(numeric, group, h);
    double signal = kernel.signal();
    double noise = h.noise();
    double[][] s = new double[n][];
    for (int i = 0; i < n; i++) {
      s[i] = kernel.scale(features[i]);
    }
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    double[] a = k.data;
    for (int i = 0; i < n; i++) {
      a[i * n + i] = signal + noise;
      for (int j = 0; j < i; j++) {
        double v = kernel.covariance(s[i], s[j]);
        a[i * n + j] = v;
        a[j * n + i] = v;
      }
    }
    LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
    if (!solver.setA(k)) {
      return Double.NEGATIVE_INFINITY;
    }
    // The decomposition works in place: the lower triangle of k now holds L.
    double logDet = 0;
    for (int i = 0; i < n; i++) {
      double lii = a[i * n + i];
      if (!(lii > 0) || !Double.isFinite(lii)) {
        return Double.NEGATIVE_INFINITY;
      }
      logDet += 2 * Math.log(lii);
    }
    // Columns y and 1: the constant mean is profiled out by generalised least squares, m = 1ᵀK⁻¹y / 1ᵀK⁻¹1.
    DMatrixRMaj rhs = new DMatrixRMaj(n, 2);
    for (int i = 0; i < n; i++) {
      rhs.set(i, 0, y[i]);
      rhs.set(i, 1, 1);
    }
    DMatrixRMaj solved = new DMatrixRMaj(n, 2);
    solver.solve(rhs, solved);
    double oy = 0;
    double oo = 0;
    for (int i = 0; i < n; i++) {
      oy += solved.get(i, 0);
      oo += solved.get(i, 1);
    }
    double mean = oy / oo;
    double[] alpha = new double[n];
    double fit = 0;
    for (int i = 0; i < n; i++) {
      alpha[i] = solved.get(i, 0) - mean * solved.get(i, 1);
      fit += (y[i] - mean) * alpha[i];
    }
    double ll = -0.5 * fit - 0.5 * logDet - 0.5 * n * LOG_2PI;
    if (!Double.isFinite(ll)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (gradient != null) {
      DMatrixRMaj inverse = new DMatrixRMaj(n, n);
      solver.invert(inverse);
      gradient(kernel, noise, s, alpha, inverse.data, gradient);
    }
    return ll;
  }

  private void gradient(Kernel kernel, double noise, double[][] s, double[] alpha, double[] inv, double[] g) {
    int n = alpha.length;
    int f = g.length - 2;
    double signal = kernel.signal();
    Arrays.fill(g, 0);
    for (int i = 0; i < n; i++) {
      double[] si = s[i];
      for (int j = 0; j < i; j++) {
        // W_ij = α_i α_j − (K⁻¹)_ij; the pair (i, j) appears twice in the trace, cancelling the ½.
        double w = alpha[i] * alpha[j] - inv[i * n + j];
        double[] sj = s[j];
        double r2 = kernel.squaredDistance(si, sj);
        double r = Math.sqrt(r2);
        double e = Math.exp(-Kernel.SQRT5 * r - kernel.hamming(si, sj));
        double cov = signal * (1 + Kernel.SQRT5 * r + 5.0 / 3.0 * r2) * e;
        // ∂k/∂log ℓ_k = s · (5/3)(1 + √5 r) e^{−√5 r} · (Δ_k / ℓ_k)²: finite at r = 0.
        double q = w * signal * 5.0 / 3.0 * (1 + Kernel.SQRT5 * r) * e;
        g[f] += w * cov;
        for (int k = 0; k < numeric; k++) {
          double d = si[k] - sj[k];
          g[group[k]] += q * d * d;
        }
        for (int k = numeric; k < si.length; k++) {
          if (si[k] != sj[k]) {
            g[group[k]] += w * cov * kernel.inverseLengthscale(k);
          }
        }
      }
      double wii = alpha[i] * alpha[i] - inv[i * n + i];
      g[f] += 0.5 * wii * signal;
      g[f + 1] += 0.5 * wii * noise;
    }
  }
}
