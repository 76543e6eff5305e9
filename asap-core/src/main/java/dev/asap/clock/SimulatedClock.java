package dev.asap.clock;

/** An event clock for benchmarks: it never sleeps, and moves only when charged or advanced to an event. */
public final class SimulatedClock implements Clock {
  private double now;

  public SimulatedClock(double start) {
    this.now = start;
  }

  @Override
  public synchronized double now() {
    return now;
  }

  @Override
  public synchronized void charge(double seconds) {
    if (seconds > 0) {
      now += seconds;
    }
  }

  /** Moves to {@code time}; never backwards (an event that is already due happens now). */
  public synchronized void advanceTo(double time) {
    now = Math.max(now, time);
  }
}
