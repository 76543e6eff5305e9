package dev.asap.optimizer.local;

/**
 * The side length of a box-shaped trust region in the unit cube and the counters that resize it, with
 * the rules and defaults of TuRBO-1 (Eriksson et al., "Scalable Global Optimization via Local Bayesian
 * Optimization", NeurIPS 2019): start at 0.8, double after 3 consecutive successes (at most 1.6), halve
 * after max(4, d) consecutive failures, and restart once the side falls below 2^-7.
 */
final class TrustRegion {
  static final double INITIAL_LENGTH = 0.8;
  static final double MIN_LENGTH = 0x1p-7;
  static final double MAX_LENGTH = 1.6;
  static final int SUCCESS_TOLERANCE = 3;

  private final int failureTolerance;
  private double length = INITIAL_LENGTH;
  private int successes;
  private int failures;

  /** A fresh region for a space of {@code dimension} parameters. */
  TrustRegion(int dimension) {
    // TuRBO's ceil(max(4 / q, d / q)) with batch size q = 1: each proposal is judged on its own.
    this.failureTolerance = Math.max(4, dimension);
  }

  double length() {
    return length;
  }

  int failureTolerance() {
    return failureTolerance;
  }

  /**
   * Records the outcome of one of this tool's proposals (success: it improved the region's best by more
   * than TuRBO's 1e-3 relative margin) and resizes the region when a streak reaches its tolerance.
   *
   * @return true when the region has collapsed below the minimum length and must be restarted
   */
  boolean record(boolean success) {
    if (success) {
      successes++;
      failures = 0;
    } else {
      successes = 0;
      failures++;
    }
    if (successes == SUCCESS_TOLERANCE) {
      length = Math.min(2 * length, MAX_LENGTH);
      successes = 0;
    } else if (failures == failureTolerance) {
      length /= 2;
      failures = 0;
    }
    return length < MIN_LENGTH;
  }

  /** Back to the initial length with cleared streaks (a restart, or a new incumbent outside the region). */
  void reset() {
    length = INITIAL_LENGTH;
    clearStreaks();
  }

  /** Keeps the length but forgets the streaks (a new incumbent inside the region, found by another tool). */
  void clearStreaks() {
    successes = 0;
    failures = 0;
  }

  /** True when {@code lossValue} improves {@code best} by TuRBO's margin of 1e-3 |best|. */
  static boolean isSuccess(double lossValue, double best) {
    return lossValue < best - 1e-3 * Math.abs(best);
  }
}
