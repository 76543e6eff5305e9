package dev.asap.optimizer.cmaes;

import java.util.List;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * The search distribution N(m, sigma^2 C) of CMA-ES with its evolution paths, and the ask/tell update of
 * Hansen's tutorial (arXiv:1604.00772, Fig. 6 / Table 1) with active (negative-weight) rank-mu update.
 * With zero dimensions (a space of categorical parameters only) every operation is a no-op.
 */
final class Gaussian {
  /** Floor on sqrt(eigenvalue) so that C^{-1/2} stays finite (the {@code cmaes} library floors negatives). */
  private static final double EPS = 1e-8;

  private final int n;
  private final double[] mean;
  private double sigma;
  private final double[][] c;
  private final double[][] b;
  private final double[] d;
  private final double[] pSigma;
  private final double[] pc;
  private int generation;

  Gaussian(double[] mean, double sigma) {
    this.n = mean.length;
    this.mean = mean.clone();
    this.sigma = sigma;
    this.c = new double[n][n];
    this.b = new double[n][n];
    this.d = new double[n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1;
      b[i][i] = 1;
      d[i] = 1;
    }
    this.pSigma = new double[n];
    this.pc = new double[n];
  }

  /** A deep copy: mean, step size, covariance, its eigen decomposition and both evolution paths. */
  Gaussian(Gaussian other) {
    this.n = other.n;
    this.mean = other.mean.clone();
    this.sigma = other.sigma;
    this.c = deepCopy(other.c);
    this.b = deepCopy(other.b);
    this.d = other.d.clone();
    this.pSigma = other.pSigma.clone();
    this.pc = other.pc.clone();
    this.generation = other.generation;
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  int dimension() {
    return n;
  }

  double[] mean() {
    return mean;
  }

  double sigma() {
    return sigma;
  }

  double[] pc() {
    return pc;
  }

  /** Standard deviation of coordinate i before the step size: sqrt(C_ii). */
  double axisScale(int i) {
    return Math.sqrt(c[i][i]);
  }

  /** sqrt of the eigenvalues of C. */
  double[] eigenScales() {
    return d;
  }

  /** Column k of B, the k-th principal axis. */
  double principalAxis(int k, int i) {
    return b[i][k];
  }

  int generation() {
    return generation;
  }

  /** Moves the mean (used by the integer margin correction). */
  void setMean(int i, double value) {
    mean[i] = value;
  }

  /** x = m + sigma B D z with z ~ N(0, I). */
  double[] sample(Random random) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = d[i] * random.nextGaussian();
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += b[i][k] * z[k];
      }
      x[i] = mean[i] + sigma * s;
    }
    return x;
  }

  /** C^{-1/2} v = B D^{-1} B^T v. */
  double[] whiten(double[] v) {
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += b[i][k] * v[i];
      }
      t[k] = s / d[k];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += b[i][k] * t[k];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * Pulls an external point (a trial this run did not sample) within Mahalanobis distance
   * {@code sqrt(n) + 2n/(n+2)} of the mean, so that it cannot derail the step size (Hansen 2011, "Injecting
   * external solutions into CMA-ES", eq. 4).
   */
  double[] clipInjected(double[] x) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = (x[i] - mean[i]) / sigma;
    }
    double norm = norm(whiten(y));
    double limit = Math.sqrt(n) + 2.0 * n / (n + 2);
    double scale = norm > limit ? limit / norm : 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean[i] + sigma * scale * y[i];
    }
    return out;
  }

  /**
   * One tell of the tutorial's update with the points ranked best first ({@code ranked.size() == lambda}).
   *
   * @return false when the covariance matrix became numerically unusable (the caller restarts)
   */
  boolean update(List<double[]> ranked, StrategyParameters p) {
    generation++;
    if (n == 0) {
      return true;
    }
    int lambda = p.lambda();
    double[][] y = new double[lambda][n];
    for (int k = 0; k < lambda; k++) {
      double[] x = ranked.get(k);
      for (int i = 0; i < n; i++) {
        y[k][i] = (x[i] - mean[i]) / sigma;
      }
    }
    double[] yw = new double[n];
    for (int k = 0; k < p.mu(); k++) {
      for (int i = 0; i < n; i++) {
        yw[i] += p.weights()[k] * y[k][i];
      }
    }
    // Mean update with c_m = 1.
    for (int i = 0; i < n; i++) {
      mean[i] += sigma * yw[i];
    }
    // Cumulative step-size adaptation.
    double[] whitened = whiten(yw);
    double ps = Math.sqrt(p.cSigma() * (2 - p.cSigma()) * p.muEff());
    for (int i = 0; i < n; i++) {
      pSigma[i] = (1 - p.cSigma()) * pSigma[i] + ps * whitened[i];
    }
    double normPs = norm(pSigma);
    sigma *= Math.exp(p.cSigma() / p.dSigma() * (normPs / p.chiN() - 1));
    // h_sigma stalls the rank-one path while the step size grows fast (tutorial eq. 45 and footnote).
    double hLeft = normPs / Math.sqrt(1 - Math.pow(1 - p.cSigma(), 2.0 * (generation + 1)));
    double hSigma = hLeft < (1.4 + 2.0 / (n + 1)) * p.chiN() ? 1 : 0;
    double pcScale = hSigma * Math.sqrt(p.cc() * (2 - p.cc()) * p.muEff());
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - p.cc()) * pc[i] + pcScale * yw[i];
    }
    // Negative weights act on y rescaled to the Mahalanobis length sqrt(n) (tutorial eq. 46).
    double[] w = new double[lambda];
    for (int k = 0; k < lambda; k++) {
      double wk = p.weights()[k];
      if (wk < 0) {
        double len = norm(whiten(y[k]));
        wk *= n / Math.max(len * len, 1e-300);
      }
      w[k] = wk;
    }
    double deltaH = (1 - hSigma) * p.cc() * (2 - p.cc());
    double decay = 1 + p.c1() * deltaH - p.c1() - p.cMu() * p.weightSum();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double rankMu = 0;
        for (int k = 0; k < lambda; k++) {
          rankMu += w[k] * y[k][i] * y[k][j];
        }
        double v = decay * c[i][j] + p.c1() * pc[i] * pc[j] + p.cMu() * rankMu;
        c[i][j] = v;
        c[j][i] = v;
      }
    }
    return Double.isFinite(sigma) && sigma > 0 && decompose();
  }

  /** B and D from C; floors tiny eigenvalues and rebuilds C from them, as the {@code cmaes} library does. */
  private boolean decompose() {
    for (double[] row : c) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    RealMatrix cm = new Array2DRowRealMatrix(c, false);
    EigenDecompositionSymmetric eig;
    try {
      eig = new EigenDecompositionSymmetric(cm);
    } catch (RuntimeException e) {
      return false;
    }
    double[] values = eig.getEigenvalues();
    RealMatrix v = eig.getV();
    for (int k = 0; k < n; k++) {
      d[k] = Math.sqrt(Math.max(values[k], EPS * EPS));
      for (int i = 0; i < n; i++) {
        b[i][k] = v.getEntry(i, k);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += b[i][k] * d[k] * d[k] * b[j][k];
        }
        c[i][j] = s;
        c[j][i] = s;
      }
    }
    return true;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
