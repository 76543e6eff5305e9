package dev.asap.clock;

/**
 * The time the run loop lives in, in seconds. The loop is written once against this: real runs use
 * {@link RealClock}, benchmarks a {@link SimulatedClock} that only moves when told to.
 */
public interface Clock {
  /** Seconds from 1970 to 2001: a time before that is on a simulated clock, which starts at 0. */
  double EPOCH_2001 = 978_307_200;

  /** True for a time read from the real clock (epoch seconds), false for one on a simulated clock. */
  static boolean isWallTime(double seconds) {
    return seconds >= EPOCH_2001;
  }

  double now();

  /**
   * Accounts for {@code seconds} of work the caller just did on the critical path. Real time has already
   * passed, so the real clock ignores it; the simulated clock moves forward by it.
   */
  void charge(double seconds);
}
