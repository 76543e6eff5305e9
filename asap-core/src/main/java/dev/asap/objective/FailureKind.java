package dev.asap.objective;

import java.util.Locale;

/**
 * What kind of failure a failed trial had, as far as the objective can tell. The run uses it to tell a broken
 * command (every trial fails the same way) from a config that merely crashed; it is kept on the trial as the
 * attribute {@code failure}.
 */
public enum FailureKind {
  /** The command could not be started at all, or the shell could not find or execute it (exit 126/127). */
  NOT_RUNNABLE,
  /** It ran and ended without printing a usable metric. */
  NO_METRIC,
  /** It exited with a non-zero code. */
  CRASHED,
  /** It ran past its time-out and was killed. */
  TIMED_OUT,
  /** It printed a result that cannot be used: NaN, infinity, a bad cost. */
  BAD_RESULT,
  /** Anything else, e.g. a Java objective that threw. */
  OTHER;

  /** The name as stored on trials: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
