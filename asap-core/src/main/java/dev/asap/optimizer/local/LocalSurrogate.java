package dev.asap.optimizer.local;

import dev.asap.optimizer.Prediction;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Erf;

/**
 * A small Gaussian process over the trials nearest a trust region's centre, used to rank candidates by
 * expected improvement (TuRBO fits a GP to its region's data; restricting it to the neighbourhood keeps
 * the fit cheap and lets a stationary kernel describe a landscape that is not stationary globally).
 *
 * <p>Losses are standardised over the real observations. The kernel is an isotropic RBF,
 * exp(-r²/2ℓ²), on {@link MixedDistance#squared}, plus a nugget η for noise. ℓ (6 values, 1.6 down to
 * 0.05) and then η (1e-6 to 0.1) are picked on a grid by the marginal likelihood with the signal variance
 * profiled out (σ² = zᵀC⁻¹z / n), which costs one Cholesky factorisation of the nearest
 * {@value #HYPER_POINTS} observations per grid point, and one of all points for the final model. Extra
 * points with a fixed value (fantasies for pending trials) are fitted like observations.
 */
final class LocalSurrogate {
  /** Lengthscale grid: 1.6, 0.8, ..., 0.05 (halving), from the whole cube to a fine region. */
  private static final double LONGEST = 1.6;
  private static final int LENGTHSCALES = 6;
  /** Observations used to choose the hyperparameters. */
  static final int HYPER_POINTS = 50;
  private static final double DEFAULT_NOISE = 1e-4;
  private static final double[] NOISES = {1e-6, 1e-2, 1e-1};
  private static final double SQRT2 = Math.sqrt(2);

  private final List<double[]> xs;
  private final MixedDistance distance;
  private final double mean;
  private final double scale;
  private final double bestZ;
  private final Fit fit;

  private LocalSurrogate(List<double[]> xs, MixedDistance distance, double mean, double scale, double bestZ, Fit fit) {
    this.xs = xs;
    this.distance = distance;
    this.mean = mean;
    this.scale = scale;
    this.bestZ = bestZ;
    this.fit = fit;
  }

  /**
   * Fits the model.
   *
   * @param xs     encodings: the first {@code observed} are real observations, nearest first, the rest
   *               fantasies
   * @param losses one loss per encoding (fantasies carry their assumed value)
   */
  static LocalSurrogate fit(List<double[]> xs, double[] losses, int observed, MixedDistance distance) {
    int n = xs.size();
    double mean = 0;
    for (int i = 0; i < observed; i++) {
      mean += losses[i];
    }
    mean /= observed;
    double var = 0;
    for (int i = 0; i < observed; i++) {
      var += (losses[i] - mean) * (losses[i] - mean);
    }
    double sd = Math.sqrt(var / observed);
    // A flat history (every loss equal) leaves nothing to scale by; any positive scale gives the same ranking.
    double scale = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
    double[] z = new double[n];
    double bestZ = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      z[i] = (losses[i] - mean) / scale;
      if (i < observed) {
        bestZ = Math.min(bestZ, z[i]);
      }
    }
    // Hyperparameters are chosen on the nearest observations only (the caller lists them first): a grid
    // point then costs a factorisation of at most HYPER_POINTS² instead of n², and the closest points are
    // the ones whose fit matters inside the region.
    int h = Math.min(observed, HYPER_POINTS);
    Fit best = selectHyperparameters(xs, Arrays.copyOf(z, h), distance);
    if (h < n) {
      best = Fit.of(correlation(xs, n, best.lengthscale, distance), z, n, best.lengthscale, best.noise);
    }
    return new LocalSurrogate(xs, distance, mean, scale, bestZ, best);
  }

  /**
   * The (ℓ, η) of highest profile likelihood on the first {@code z.length} points: ℓ over the halving grid
   * at a small default nugget, then η at the chosen ℓ.
   */
  private static Fit selectHyperparameters(List<double[]> xs, double[] z, MixedDistance distance) {
    int n = z.length;
    // Each halving of ℓ raises the correlations exp(-r²/2ℓ²) to the 4th power: two multiplications per entry
    // instead of an exponential.
    double[] corr = correlation(xs, n, LONGEST, distance);
    Fit best = null;
    double[] bestCorr = null;
    double l = LONGEST;
    for (int g = 0; g < LENGTHSCALES; g++, l /= 2) {
      if (g > 0) {
        corr = corr.clone();
        for (int i = 0; i < n; i++) {
          for (int j = i * n, end = i * n + i; j < end; j++) {
            double c2 = corr[j] * corr[j];
            corr[j] = c2 * c2;
          }
        }
      }
      Fit f = Fit.of(corr, z, n, l, DEFAULT_NOISE);
      if (best == null || f.objective < best.objective) {
        best = f;
        bestCorr = corr;
      }
    }
    double chosen = best.lengthscale;
    for (double noise : NOISES) {
      Fit f = Fit.of(bestCorr, z, n, chosen, noise);
      if (f.objective < best.objective) {
        best = f;
      }
    }
    return best;
  }

  /** Lower triangle of the RBF correlation matrix of the first {@code n} points, row-major n×n. */
  private static double[] correlation(List<double[]> xs, int n, double lengthscale, MixedDistance distance) {
    double[] corr = new double[n * n];
    double inv = -0.5 / (lengthscale * lengthscale);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        corr[i * n + j] = Math.exp(distance.squared(xs.get(i), xs.get(j)) * inv);
      }
    }
    return corr;
  }

  /** Posterior mean and standard deviation of the loss (noise-free latent function) at {@code x}. */
  Prediction predict(double[] x) {
    double[] mv = standardised(x);
    return new Prediction(mean + scale * mv[0], scale * Math.sqrt(mv[1]));
  }

  /**
   * Expected improvement over the best observed loss at each of {@code candidates}, in standardised units
   * (only the ranking matters). Batched so that the triangular solve runs along contiguous rows.
   */
  double[] expectedImprovements(List<double[]> candidates) {
    int n = xs.size();
    int m = candidates.size();
    double inv = -0.5 / (fit.lengthscale * fit.lengthscale);
    double[] mu = new double[m];
    double[][] v = new double[n][m];
    for (int i = 0; i < n; i++) {
      double[] xi = xs.get(i);
      double[] row = v[i];
      double a = fit.alpha[i];
      for (int j = 0; j < m; j++) {
        double k = Math.exp(distance.squared(candidates.get(j), xi) * inv);
        row[j] = k;
        mu[j] += k * a;
      }
    }
    // V = L⁻¹K row by row; the posterior variance of candidate j is σ²(1 - Σ_i V[i][j]²).
    double[] chol = fit.chol;
    double[] vv = new double[m];
    for (int i = 0; i < n; i++) {
      double[] row = v[i];
      for (int k = 0; k < i; k++) {
        double c = chol[i * n + k];
        if (c != 0) {
          double[] rk = v[k];
          for (int j = 0; j < m; j++) {
            row[j] -= c * rk[j];
          }
        }
      }
      double d = chol[i * n + i];
      for (int j = 0; j < m; j++) {
        row[j] /= d;
        vv[j] += row[j] * row[j];
      }
    }
    double[] ei = new double[m];
    for (int j = 0; j < m; j++) {
      ei[j] = expectedImprovement(mu[j], Math.max(0, fit.signal * (1 - vv[j])));
    }
    return ei;
  }

  /** Expected improvement over the best observed loss at {@code x} (standardised units). */
  double expectedImprovement(double[] x) {
    double[] mv = standardised(x);
    return expectedImprovement(mv[0], mv[1]);
  }

  private double expectedImprovement(double mu, double variance) {
    double s = Math.sqrt(variance);
    double gap = bestZ - mu;
    if (s < 1e-12) {
      return Math.max(gap, 0);
    }
    double u = gap / s;
    double cdf = 0.5 * Erf.erfc(-u / SQRT2);
    double pdf = Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
    return s * (u * cdf + pdf);
  }

  /** {mean, variance} of the standardised latent function. */
  private double[] standardised(double[] x) {
    int n = xs.size();
    double[] k = new double[n];
    double inv = -0.5 / (fit.lengthscale * fit.lengthscale);
    double m = 0;
    for (int i = 0; i < n; i++) {
      k[i] = Math.exp(distance.squared(x, xs.get(i)) * inv);
      m += k[i] * fit.alpha[i];
    }
    // v = L⁻¹k by forward substitution; the posterior variance is σ²(1 - vᵀv).
    double[] chol = fit.chol;
    double vv = 0;
    for (int i = 0; i < n; i++) {
      double s = k[i];
      int row = i * n;
      for (int j = 0; j < i; j++) {
        s -= chol[row + j] * k[j];
      }
      k[i] = s / chol[row + i];
      vv += k[i] * k[i];
    }
    return new double[] {m, Math.max(0, fit.signal * (1 - vv))};
  }

  /** One factorised kernel matrix and its marginal-likelihood objective (lower is better). */
  private static final class Fit {
    final double lengthscale;
    final double noise;
    final double[] chol;
    final double[] alpha;
    final double signal;
    final double objective;

    private Fit(double lengthscale, double noise, double[] chol, double[] alpha, double signal, double objective) {
      this.lengthscale = lengthscale;
      this.noise = noise;
      this.chol = chol;
      this.alpha = alpha;
      this.signal = signal;
      this.objective = objective;
    }

    /** Factorises {@code corr} (lower triangle) plus {@code noise} on the diagonal; {@code corr} is not modified. */
    static Fit of(double[] corr, double[] z, int n, double lengthscale, double noise) {
      double[] a = new double[n * n];
      double jitter = noise;
      // Duplicate or near-duplicate points can make the matrix numerically singular: add jitter until not.
      while (true) {
        for (int i = 0; i < n; i++) {
          int row = i * n;
          System.arraycopy(corr, row, a, row, i);
          a[row + i] = 1 + jitter;
        }
        if (cholesky(a, n)) {
          break;
        }
        jitter = Math.max(jitter * 10, 1e-8);
      }
      // alpha = C⁻¹z through the two triangular solves.
      double[] w = z.clone();
      for (int i = 0; i < n; i++) {
        double s = w[i];
        for (int j = 0; j < i; j++) {
          s -= a[i * n + j] * w[j];
        }
        w[i] = s / a[i * n + i];
      }
      double quad = 0;
      double logDet = 0;
      for (int i = 0; i < n; i++) {
        quad += w[i] * w[i];
        logDet += 2 * Math.log(a[i * n + i]);
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = w[i];
        for (int j = i + 1; j < n; j++) {
          s -= a[j * n + i] * w[j];
        }
        w[i] = s / a[i * n + i];
      }
      double signal = Math.max(quad / n, 1e-12);
      // -2 log marginal likelihood with σ² at its maximum, up to a constant.
      double objective = n * Math.log(signal) + logDet;
      return new Fit(lengthscale, jitter, a, w, signal, objective);
    }

    /** In-place lower Cholesky factor of the lower triangle of {@code a}; false when not positive definite. */
    private static boolean cholesky(double[] a, int n) {
      for (int j = 0; j < n; j++) {
        int rj = j * n;
        double s = a[rj + j];
        for (int k = 0; k < j; k++) {
          s -= a[rj + k] * a[rj + k];
        }
        if (!(s > 0)) {
          return false;
        }
        double diag = Math.sqrt(s);
        a[rj + j] = diag;
        for (int i = j + 1; i < n; i++) {
          int ri = i * n;
          double t = a[ri + j];
          for (int k = 0; k < j; k++) {
            t -= a[ri + k] * a[rj + k];
          }
          a[ri + j] = t / diag;
        }
      }
      return true;
    }
  }
}
