package dev.asap.loop;

import java.time.Duration;

/**
 * When a run stops: after {@code trials} finished trials in the study (resumed runs count earlier ones),
 * after {@code time} on the run's clock, or once a complete trial reaches {@code target}. Any of them may be
 * null; at least one must be set.
 */
public record Budget(Integer trials, Duration time, Double target) {
  public Budget {
    if (trials == null && time == null && target == null) {
      throw new IllegalArgumentException("a run needs a budget: a number of trials, a time limit or a target value");
    }
    if (trials != null && trials < 0) {
      throw new IllegalArgumentException("the number of trials cannot be negative (got " + trials + ")");
    }
    if (time != null && (time.isNegative() || time.isZero())) {
      throw new IllegalArgumentException("the time limit must be positive (got " + time + ")");
    }
    if (target != null && !Double.isFinite(target)) {
      throw new IllegalArgumentException("the target value must be a finite number (got " + target + ")");
    }
  }

  public static Budget trials(int n) {
    return new Budget(n, null, null);
  }
}
