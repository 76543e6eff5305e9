package dev.asap.objective;

/**
 * An evaluation failed for a reason worth keeping on the trial (a crash, a timeout, a missing metric). The
 * objective may say what the failed attempt cost ({@link #costSeconds()}), charged on the simulated clock.
 */
public class TrialFailedException extends Exception {
  private final FailureKind kind;
  private final Double costSeconds;

  public TrialFailedException(String reason) {
    this(reason, FailureKind.OTHER, null, null);
  }

  public TrialFailedException(String reason, Throwable cause) {
    this(reason, FailureKind.OTHER, null, cause);
  }

  /**
   * @param kind        what kind of failure it was
   * @param costSeconds seconds the failed attempt cost as the objective reported them, or null
   */
  public TrialFailedException(String reason, FailureKind kind, Double costSeconds, Throwable cause) {
    super(reason, cause);
    this.kind = kind == null ? FailureKind.OTHER : kind;
    this.costSeconds = costSeconds;
  }

  public FailureKind kind() {
    return kind;
  }

  /** The seconds the objective reported for the failed attempt, or null when it reported none. */
  public Double costSeconds() {
    return costSeconds;
  }
}
