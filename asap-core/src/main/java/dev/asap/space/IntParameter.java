package dev.asap.space;

/**
 * An integer parameter on [low, high] (both included), optionally searched in log space.
 *
 * <p>The unit interval is cut into one equal bin per integer (in log space for log parameters) so that
 * every value is reached with the same probability by a uniform sampler.
 */
public record IntParameter(String name, long low, long high, boolean log) implements Parameter {

  public IntParameter {
    Names.check(name);
    if (low >= high) {
      throw new InvalidSpaceException("parameter '" + name + "': low (" + low + ") must be below high ("
          + high + ")");
    }
    if (log && low <= 0) {
      throw new InvalidSpaceException("parameter '" + name + "': a log-scale integer needs low >= 1 (got "
          + low + ")");
    }
  }

  public static IntParameter of(String name, long low, long high) {
    return new IntParameter(name, low, high, false);
  }

  private double lo() {
    return log ? Math.log(low - 0.5) : low - 0.5;
  }

  private double hi() {
    return log ? Math.log(high + 0.5) : high + 0.5;
  }

  @Override
  public double toUnit(Object value) {
    long v = (Long) canonical(value);
    double x = log ? Math.log(v) : v;
    return Parameter.clampUnit((x - lo()) / (hi() - lo()));
  }

  @Override
  public Object fromUnit(double unit) {
    double x = lo() + Parameter.clampUnit(unit) * (hi() - lo());
    long v = Math.round(log ? Math.exp(x) : x);
    return Math.min(high, Math.max(low, v));
  }

  @Override
  public Object canonical(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("parameter '" + name + "' needs an integer, got " + Names.describe(value));
    }
    double d = n.doubleValue();
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException("parameter '" + name + "' needs an integer, got " + d);
    }
    long v = n.longValue();
    if (v < low || v > high) {
      throw new IllegalArgumentException("parameter '" + name + "' must lie in [" + low + ", " + high + "], got " + v);
    }
    return v;
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Long v && v >= low && v <= high;
  }

  @Override
  public long cardinality() {
    return high - low + 1;
  }
}
