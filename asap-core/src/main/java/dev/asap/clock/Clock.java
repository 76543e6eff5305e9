package dev.asap.clock;

/**
 * The time the run loop lives in, in seconds. The loop is written once against this: real runs use
 * {@link RealClock}, benchmarks a {@link SimulatedClock} that only moves when told to.
 */
public interface Clock {

  double now();

  /**
   * Accounts for {@code seconds} of work the caller just did on the critical path. Real time has already
   * passed, so the real clock ignores it; the simulated clock moves forward by it.
   */
  void charge(double seconds);
}
