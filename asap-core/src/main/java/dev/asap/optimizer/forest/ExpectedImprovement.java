package dev.asap.optimizer.forest;

/**
 * Expected improvement for a model of log-scaled losses, as SMAC's HPO facade uses it ({@code EI(log=True)},
 * Hutter et al. 2009): with {@code Y ~ N(m, s²)} the predicted log loss and {@code a} the incumbent's,
 * {@code EI = E[max(e^a - e^Y, 0)] = e^a Φ(v) - e^(m + s²/2) Φ(v - s)} with {@code v = (a - m) / s}.
 *
 * <p>The value is returned as its logarithm, computed in a form that neither underflows nor cancels far
 * from the incumbent (where the plain formula returns 0 for every candidate and local search stalls):
 * {@code EI = e^a φ(v) (R(v) - R(v - s))} with {@code R = Φ/φ}. The improvement threshold xi is 0, SMAC's
 * HPO default.
 */
final class ExpectedImprovement {
  /** Floor on the predictive variance: a forest can predict exactly 0 inside a pure leaf. */
  private static final double MIN_VARIANCE = 1e-10;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private final double incumbent;

  /** @param incumbent the best observed loss on the model's (log) scale */
  ExpectedImprovement(double incumbent) {
    this.incumbent = incumbent;
  }

  /** log EI of a candidate whose log-scaled loss is predicted with this mean and variance. */
  double logValue(double mean, double variance) {
    double s = Math.sqrt(Math.max(variance, MIN_VARIANCE));
    double v = (incumbent - mean) / s;
    double w = v - s;
    double diff;
    if (v > 5) {
      // Φ(v) is almost 1: the closed form is accurate and R(v) would overflow.
      diff = cdf(v) - Math.exp(mean - incumbent + 0.5 * s * s) * cdf(w);
      return incumbent + Math.log(Math.max(diff, Double.MIN_NORMAL));
    }
    diff = ratio(v) - ratio(w);
    return incumbent + logPdf(v) + Math.log(Math.max(diff, Double.MIN_NORMAL));
  }

  static double logPdf(double x) {
    return -0.5 * x * x - LOG_SQRT_2PI;
  }

  /** Standard normal distribution function, accurate in both tails. */
  static double cdf(double x) {
    if (x < -3) {
      return Math.exp(logPdf(x)) * mills(-x);
    }
    if (x > 3) {
      return 1 - Math.exp(logPdf(x)) * mills(x);
    }
    return 0.5 + Math.exp(logPdf(x)) * series(x);
  }

  /** {@code R(x) = Φ(x) / φ(x)} for {@code x <= 5}, without under- or overflow. */
  static double ratio(double x) {
    if (x < -3) {
      return mills(-x);
    }
    return 0.5 / Math.exp(logPdf(x)) + series(x);
  }

  /**
   * Mills' ratio {@code (1 - Φ(t)) / φ(t)} for t >= 3 by Laplace's continued fraction, evaluated bottom-up;
   * 10 + 300/t² terms give a relative error below 1e-14 (it converges faster as t grows).
   */
  private static double mills(double t) {
    double f = t;
    for (int k = 10 + (int) (300 / (t * t)); k >= 1; k--) {
      f = t + k / f;
    }
    return 1 / f;
  }

  /** {@code (Φ(x) - 1/2) / φ(x) = x + x³/3 + x⁵/(3·5) + …}, converging for every x (used for |x| <= 5). */
  private static double series(double x) {
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int k = 1; k < 200; k++) {
      term *= x2 / (2 * k + 1);
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return sum;
  }
}
