package dev.asap.space;

/**
 * A real-valued parameter on [low, high], optionally searched in log space and optionally on a grid of
 * {@code step}.
 */
public record FloatParameter(String name, double low, double high, boolean log, Double step)
    implements Parameter {

  public FloatParameter {
    Names.check(name);
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new InvalidSpaceException(
          "parameter '" + name + "': low and high must be finite numbers (got " + low + ", " + high + ")");
    }
    if (low >= high) {
      throw new InvalidSpaceException("parameter '" + name + "': low (" + low + ") must be below high ("
          + high + ")");
    }
    if (log && low <= 0) {
      throw new InvalidSpaceException("parameter '" + name + "': a log-scale parameter needs low > 0 (got "
          + low + "); use a positive lower bound or drop log");
    }
    if (step != null) {
      if (!(step > 0) || !Double.isFinite(step)) {
        throw new InvalidSpaceException("parameter '" + name + "': step must be a positive number (got " + step
            + ")");
      }
      if (log) {
        throw new InvalidSpaceException("parameter '" + name + "': step and log cannot be combined");
      }
      if (step > high - low) {
        throw new InvalidSpaceException("parameter '" + name + "': step (" + step
            + ") is larger than the range high - low (" + (high - low) + ")");
      }
    }
  }

  public static FloatParameter of(String name, double low, double high) {
    return new FloatParameter(name, low, high, false, null);
  }

  public static FloatParameter log(String name, double low, double high) {
    return new FloatParameter(name, low, high, true, null);
  }

  @Override
  public double toUnit(Object value) {
    double v = (Double) canonical(value);
    double u = log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
    return Parameter.clampUnit(u);
  }

  @Override
  public Object fromUnit(double unit) {
    double u = Parameter.clampUnit(unit);
    double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
    if (step != null) {
      long k = Math.round((v - low) / step);
      long maxK = (long) Math.floor((high - low) / step + 1e-9);
      v = low + Math.min(Math.max(k, 0), maxK) * step;
    }
    return Math.min(high, Math.max(low, v));
  }

  @Override
  public Object canonical(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("parameter '" + name + "' needs a number, got " + Names.describe(value));
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v) || v < low || v > high) {
      throw new IllegalArgumentException("parameter '" + name + "' must lie in [" + low + ", " + high + "], got " + v);
    }
    return v;
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof Double d) || d < low || d > high) {
      return false;
    }
    if (step == null) {
      return true;
    }
    double k = (d - low) / step;
    return Math.abs(k - Math.rint(k)) < 1e-6;
  }

  @Override
  public long cardinality() {
    return step == null ? Long.MAX_VALUE : (long) Math.floor((high - low) / step + 1e-9) + 1;
  }
}
