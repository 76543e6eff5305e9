package dev.asap.bench.stats;

import java.util.Arrays;

/**
 * Quantiles with linear interpolation (type 7, as numpy and R default). NaN entries are ignored; infinite
 * entries take part (a run that found nothing is worse than every run that did).
 */
public final class Quantiles {
  private Quantiles() {}

  public static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** The {@code q}-quantile, NaN when no value is a number. */
  public static double quantile(double[] values, double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("q must lie in [0, 1], got " + q);
    }
    double[] s = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (s.length == 0) {
      return Double.NaN;
    }
    double h = (s.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(s.length - 1, lo + 1);
    double frac = h - lo;
    if (frac == 0 || s[lo] == s[hi]) {
      return s[lo];
    }
    return s[lo] + frac * (s[hi] - s[lo]);
  }

  /** The mean of the numbers among {@code values}, NaN when there are none. */
  public static double mean(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }
}
