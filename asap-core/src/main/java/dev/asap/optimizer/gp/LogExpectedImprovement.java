package dev.asap.optimizer.gp;

import org.hipparchus.special.Erf;

/**
 * log EI for minimisation, computed stably (Ament et al., "Unexpected Improvements to Expected Improvement
 * for Bayesian Optimization", NeurIPS 2023): EI = σ·h(z) with z = (best − μ)/σ and h(z) = φ(z) + zΦ(z), whose
 * logarithm is evaluated through the scaled complementary error function where h underflows. The optimiser then
 * sees a useful gradient of "how unpromising" even far from the incumbent, where plain EI is flat zero.
 */
final class LogExpectedImprovement {
  private static final double C1 = 0.5 * Math.log(2 * Math.PI);
  private static final double C2 = 0.5 * Math.log(Math.PI / 2);
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double INV_SQRT_EPS = 1 / Math.sqrt(Math.ulp(1.0));

  private LogExpectedImprovement() {}

  /** log EI of a point with posterior mean {@code mean} and standard deviation {@code sd} against {@code best}. */
  static double value(double mean, double sd, double best) {
    return logH((best - mean) / sd) + Math.log(sd);
  }

  /** log(φ(z) + zΦ(z)), finite for every finite z. */
  static double logH(double z) {
    if (z > -1) {
      double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
      double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      return Math.log(pdf + z * cdf);
    }
    if (z > -INV_SQRT_EPS) {
      // h(z) = φ(z) · (1 − √(π/2)·|z|·erfcx(|z|/√2)) for z < 0.
      return -0.5 * z * z - C1 + log1mexp(Math.log(erfcx(-z / Math.sqrt(2)) * -z) + C2);
    }
    // There 1 − √(π/2)|z| erfcx(|z|/√2) = 1/z² to working precision.
    return -0.5 * z * z - C1 - 2 * Math.log(-z);
  }

  /** exp(x²)·erfc(x) for x ≥ 0, accurate where erfc itself underflows. */
  static double erfcx(double x) {
    if (x < 5) {
      return Math.exp(x * x) * Erf.erfc(x);
    }
    // Laplace's continued fraction erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated
    // backwards; 60 terms are exact to double precision for x ≥ 5.
    double t = x;
    for (int k = 60; k >= 1; k--) {
      t = x + 0.5 * k / t;
    }
    return 1 / (SQRT_PI * t);
  }

  /** log(1 − e^x) for x < 0 (Mächler's two-branch evaluation). */
  static double log1mexp(double x) {
    return x > -Math.log(2) ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }
}
