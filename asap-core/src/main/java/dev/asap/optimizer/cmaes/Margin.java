package dev.asap.optimizer.cmaes;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * CMA-ES with margin for discrete numeric dimensions (Hamano et al., "CMA-ES with Margin: Lower-Bounding
 * Marginal Probability of Mutation for Integer Variables", GECCO 2022; the {@code cmaes} library's CMAwM).
 *
 * <p>Without it, CMA-ES on an integer dimension shrinks sigma until every sample rounds to the same value
 * and the dimension freezes. After each update this class keeps the probability that a sample of each
 * discrete dimension leaves the bin of the mean at least {@code alpha = 1 / (n lambda)}: at the first or last
 * value by moving the mean towards the inner edge, elsewhere by widening a per-dimension scale {@code A_j}
 * (and re-centring the mean) so that each side keeps at least {@code alpha / 2}. Samples are encoded as
 * {@code m + A (x - m)} on discrete dimensions only; the update itself still sees the raw samples.
 */
final class Margin {
  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  private final Discretisation[] discrete;
  private final double[] a;
  private final double alpha;

  /**
   * @param discrete per Gaussian dimension, its discretisation or null when continuous
   * @param alpha    the lower bound on the probability of leaving the current value
   */
  Margin(Discretisation[] discrete, double alpha) {
    this.discrete = discrete.clone();
    this.a = new double[discrete.length];
    java.util.Arrays.fill(a, 1.0);
    this.alpha = alpha;
  }

  /** A copy with its own scales A; the discretisations never change. */
  Margin(Margin other) {
    this.discrete = other.discrete;
    this.a = other.a.clone();
    this.alpha = other.alpha;
  }

  double scale(int i) {
    return a[i];
  }

  /** The coordinates to decode for a raw sample {@code x}. */
  double[] encode(double[] x, double[] mean) {
    double[] u = x.clone();
    for (int i = 0; i < u.length; i++) {
      if (discrete[i] != null) {
        u[i] = mean[i] + a[i] * (x[i] - mean[i]);
      }
    }
    return u;
  }

  /** The raw point that {@link #encode} maps to {@code u} (for trials the run did not sample itself). */
  double[] decode(double[] u, double[] mean) {
    double[] x = u.clone();
    for (int i = 0; i < x.length; i++) {
      if (discrete[i] != null) {
        x[i] = mean[i] + (u[i] - mean[i]) / a[i];
      }
    }
    return x;
  }

  /** Applies the margin correction to the mean (and the scales A) after an update. */
  void correct(Gaussian g) {
    double[] m = g.mean();
    for (int i = 0; i < m.length; i++) {
      Discretisation dz = discrete[i];
      if (dz == null || dz.bins() < 2) {
        continue;
      }
      double lo = dz.lower(m[i]);
      double hi = dz.upper(m[i]);
      double s = g.sigma() * g.axisScale(i);
      double spread = a[i] * s;
      if (Double.isInfinite(lo)) {
        // First value: only leaving upwards is possible.
        if (1 - STANDARD.cumulativeProbability((hi - m[i]) / spread) < alpha) {
          g.setMean(i, hi - spread * STANDARD.inverseCumulativeProbability(1 - alpha));
        }
      } else if (Double.isInfinite(hi)) {
        if (STANDARD.cumulativeProbability((lo - m[i]) / spread) < alpha) {
          g.setMean(i, lo + spread * STANDARD.inverseCumulativeProbability(1 - alpha));
        }
      } else {
        correctInterior(g, i, lo, hi, s);
      }
    }
  }

  /**
   * Interior value: lift each tail to at least alpha/2, take the excess back from all three parts in
   * proportion to their mass above alpha/2, then solve for the mean and A that give exactly those tails.
   */
  private void correctInterior(Gaussian g, int i, double lo, double hi, double s) {
    double m = g.mean()[i];
    double spread = a[i] * s;
    double pLow = STANDARD.cumulativeProbability((lo - m) / spread);
    double pUp = 1 - STANDARD.cumulativeProbability((hi - m) / spread);
    double half = alpha / 2;
    if (pLow >= half && pUp >= half) {
      return;
    }
    double pMid = 1 - pLow - pUp;
    double low = Math.max(pLow, half);
    double up = Math.max(pUp, half);
    double excess = 1 - low - up - pMid;
    double denominator = low + pMid + up - 3 * half;
    double targetLow = clampTail(low + excess * (low - half) / denominator);
    double targetUp = clampTail(up + excess * (up - half) / denominator);
    double chiLow = STANDARD.inverseCumulativeProbability(1 - targetLow);
    double chiUp = STANDARD.inverseCumulativeProbability(1 - targetUp);
    a[i] = (hi - lo) / ((chiLow + chiUp) * s);
    g.setMean(i, (lo * chiUp + hi * chiLow) / (chiLow + chiUp));
  }

  private static double clampTail(double p) {
    return Math.min(0.5 - 1e-10, Math.max(1e-10, p));
  }
}
