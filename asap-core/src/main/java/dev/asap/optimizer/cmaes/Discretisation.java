package dev.asap.optimizer.cmaes;

import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;

/**
 * Where a discrete numeric parameter (integer, ordinal, stepped float) changes value along its unit
 * coordinate: the bins that {@link Parameter#fromUnit} uses, computed in closed form so that ranges of any
 * size cost nothing. Points outside [0, 1] fall in the end bins, as decoding clamps them there.
 */
abstract class Discretisation {

  /** The discretisation of {@code p}, or null when {@code p} is continuous. */
  static Discretisation of(Parameter p) {
    if (p instanceof OrdinalParameter o) {
      return new Uniform(o.values().size());
    }
    if (p instanceof IntParameter i) {
      return i.log() ? new LogInteger(i.low(), i.high()) : new Uniform(i.high() - i.low() + 1);
    }
    if (p instanceof FloatParameter f && f.step() != null) {
      return new Stepped((f.high() - f.low()) / f.step(), (long) Math.floor((f.high() - f.low()) / f.step() + 1e-9));
    }
    return null;
  }

  /** Number of distinct values. */
  abstract long bins();

  /** The bin (0-based) that coordinate {@code u} decodes to. */
  abstract long bin(double u);

  /** The unit coordinate where bin {@code k} ends and bin {@code k + 1} begins. */
  abstract double threshold(long k);

  /** Lower edge of the bin holding {@code u}; -infinity for the first bin. */
  final double lower(double u) {
    long k = bin(u);
    return k == 0 ? Double.NEGATIVE_INFINITY : threshold(k - 1);
  }

  /** Upper edge of the bin holding {@code u}; +infinity for the last bin. */
  final double upper(double u) {
    long k = bin(u);
    return k == bins() - 1 ? Double.POSITIVE_INFINITY : threshold(k);
  }

  private static double clamp(double u) {
    return Math.min(1, Math.max(0, u));
  }

  /** Equal bins: ordinal choices and linear integers ({@code low - 0.5 + u * count} rounded). */
  private static final class Uniform extends Discretisation {
    private final long count;

    Uniform(long count) {
      this.count = count;
    }

    @Override
    long bins() {
      return count;
    }

    @Override
    long bin(double u) {
      return Math.min(count - 1, (long) Math.floor(clamp(u) * count));
    }

    @Override
    double threshold(long k) {
      return (k + 1) / (double) count;
    }
  }

  /** Log-scale integers: value v spans log(v - 0.5) .. log(v + 0.5) of log(low - 0.5) .. log(high + 0.5). */
  private static final class LogInteger extends Discretisation {
    private final long low;
    private final long high;
    private final double lo;
    private final double span;

    LogInteger(long low, long high) {
      this.low = low;
      this.high = high;
      this.lo = Math.log(low - 0.5);
      this.span = Math.log(high + 0.5) - lo;
    }

    @Override
    long bins() {
      return high - low + 1;
    }

    @Override
    long bin(double u) {
      long v = Math.round(Math.exp(lo + clamp(u) * span));
      return Math.min(high, Math.max(low, v)) - low;
    }

    @Override
    double threshold(long k) {
      return (Math.log(low + k + 0.5) - lo) / span;
    }
  }

  /** Floats on a grid: index round(u * range / step), clamped to the last grid point. */
  private static final class Stepped extends Discretisation {
    private final double stepsPerUnit;
    private final long last;

    Stepped(double stepsPerUnit, long last) {
      this.stepsPerUnit = stepsPerUnit;
      this.last = last;
    }

    @Override
    long bins() {
      return last + 1;
    }

    @Override
    long bin(double u) {
      return Math.min(last, Math.max(0, Math.round(clamp(u) * stepsPerUnit)));
    }

    @Override
    double threshold(long k) {
      return (k + 0.5) / stepsPerUnit;
    }
  }
}
