package dev.asap.clock;

/** Wall-clock time as epoch seconds, with the resolution of {@link System#nanoTime()}. */
public final class RealClock implements Clock {
  private final double originEpoch = System.currentTimeMillis() / 1e3;
  private final long originNanos = System.nanoTime();

  @Override
  public double now() {
    return originEpoch + (System.nanoTime() - originNanos) / 1e9;
  }

  @Override
  public void charge(double seconds) {
    // Real time already passed while the work ran.
  }
}
