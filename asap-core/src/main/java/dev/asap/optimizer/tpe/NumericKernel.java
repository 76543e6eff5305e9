package dev.asap.optimizer.tpe;

import java.util.Random;

/**
 * A Gaussian kernel truncated to the unit interval, the numeric kernel of Optuna's TPE
 * ({@code _BatchedTruncNormDistributions}; for grids {@code _BatchedDiscreteTruncNormDistributions}, where a
 * value's probability is the kernel's mass over the bin that decodes to it).
 */
final class NumericKernel {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  /** Bins narrower than this many sigmas use the midpoint rule: relative error below 1e-4, no cancellation. */
  private static final double NARROW_BIN = 0.05;
  /** Floor for masses that underflow, so that a log stays finite (the prior kernel dominates there anyway). */
  private static final double MIN_MASS = 1e-300;

  private NumericKernel() {}

  /** log P(0 ≤ X ≤ 1) for X ~ N(mu, sigma²): the truncation's normaliser. */
  static double logNormaliser(double mu, double sigma) {
    return Math.log(NormalCdf.between(-mu / sigma, (1 - mu) / sigma));
  }

  /** Log density at {@code x} in [0, 1] of the kernel truncated to [0, 1]. */
  static double logDensity(double x, double mu, double sigma, double logNormaliser) {
    double z = (x - mu) / sigma;
    return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI - logNormaliser;
  }

  /** Log probability that the truncated kernel falls in the bin [lo, hi] of [0, 1]. */
  static double logBinMass(double lo, double hi, double mu, double sigma, double logNormaliser) {
    double width = hi - lo;
    if (width <= NARROW_BIN * sigma) {
      return Math.log(width) + logDensity(0.5 * (lo + hi), mu, sigma, logNormaliser);
    }
    double mass = NormalCdf.between((lo - mu) / sigma, (hi - mu) / sigma);
    return Math.log(Math.max(mass, MIN_MASS)) - logNormaliser;
  }

  /**
   * Draws from the kernel truncated to [0, 1] by rejection. With mu in [0, 1] and sigma at most 1 (the
   * magic clip's maximum) at least a third of the draws are accepted.
   */
  static double sample(Random random, double mu, double sigma) {
    for (int i = 0; i < 10_000; i++) {
      double x = mu + sigma * random.nextGaussian();
      if (x >= 0 && x <= 1) {
        return x;
      }
    }
    return Math.min(1, Math.max(0, mu));
  }
}
