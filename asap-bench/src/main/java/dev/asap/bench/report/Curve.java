package dev.asap.bench.report;

import dev.asap.bench.stats.Quantiles;

/**
 * A summary curve over seeds (or tasks): at each x, the median and the inter-quartile range of y. Points
 * where nothing was found yet hold +infinity.
 */
public record Curve(String label, double[] x, double[] median, double[] lower, double[] upper) {

  /** Median and quartiles of a set of values (NaN when there are none). */
  public record Point(double median, double lower, double upper, int n) {
    public static Point of(double[] values) {
      return new Point(Quantiles.median(values), Quantiles.quantile(values, 0.25), Quantiles.quantile(values, 0.75),
          values.length);
    }
  }
}
