package dev.asap.objective.command;

import java.time.Duration;

/** A point in {@link System#nanoTime} time by which a command must finish, or none. */
final class Deadline {
  private final long at;
  private final boolean none;

  private Deadline(long at, boolean none) {
    this.at = at;
    this.none = none;
  }

  /** The deadline {@code timeout} from now; no deadline when {@code timeout} is null or too far to count. */
  static Deadline after(Duration timeout) {
    if (timeout == null) {
      return new Deadline(0, true);
    }
    try {
      return new Deadline(Math.addExact(System.nanoTime(), timeout.toNanos()), false);
    } catch (ArithmeticException centuriesAway) {
      return new Deadline(0, true);
    }
  }

  /** Nanoseconds left, at most {@code cap}; 0 once the deadline has passed. */
  long remainingNanos(long cap) {
    return none ? cap : Math.max(0, Math.min(cap, at - System.nanoTime()));
  }

  boolean passed() {
    return !none && at - System.nanoTime() <= 0;
  }
}
