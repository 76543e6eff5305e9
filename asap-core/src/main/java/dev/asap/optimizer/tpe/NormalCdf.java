package dev.asap.optimizer.tpe;

/**
 * The standard normal distribution function: absolute error below 1e-15, relative error below 1e-8 also
 * deep in the tails, where {@code 1 - cdf} would lose everything to cancellation.
 *
 * <p>Hart's double-precision rational approximation as published by West (2005), "Better approximations to
 * cumulative normal functions": one exponential and two short polynomials, so several times cheaper than an
 * incomplete-gamma erfc, which matters because TPE evaluates it for every kernel.
 */
final class NormalCdf {
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private NormalCdf() {}

  /** P(Z ≤ z). */
  static double cdf(double z) {
    double tail = lowerTail(Math.abs(z));
    return z > 0 ? 1 - tail : tail;
  }

  /** P(Z ≤ -t) for t ≥ 0, without the cancellation of {@code 1 - cdf(t)}. */
  static double lowerTail(double t) {
    if (t > 37) {
      return 0;
    }
    double e = Math.exp(-t * t / 2);
    if (t < 7.07106781186547) {
      double num = 3.52624965998911E-02 * t + 0.700383064443688;
      num = num * t + 6.37396220353165;
      num = num * t + 33.912866078383;
      num = num * t + 112.079291497871;
      num = num * t + 221.213596169931;
      num = num * t + 220.206867912376;
      double den = 8.83883476483184E-02 * t + 1.75566716318264;
      den = den * t + 16.064177579207;
      den = den * t + 86.7807322029461;
      den = den * t + 296.564248779674;
      den = den * t + 637.333633378831;
      den = den * t + 793.826512519948;
      den = den * t + 440.413735824752;
      return e * num / den;
    }
    double b = t + 0.65;
    b = t + 4 / b;
    b = t + 3 / b;
    b = t + 2 / b;
    b = t + 1 / b;
    return e / b / SQRT_2PI;
  }

  /** P(za ≤ Z ≤ zb) for za ≤ zb, computed on the side of the smaller tail so that it keeps its precision. */
  static double between(double za, double zb) {
    if (za >= 0) {
      return lowerTail(za) - lowerTail(zb);
    }
    if (zb <= 0) {
      return lowerTail(-zb) - lowerTail(-za);
    }
    return 1 - lowerTail(-za) - lowerTail(zb);
  }
}
