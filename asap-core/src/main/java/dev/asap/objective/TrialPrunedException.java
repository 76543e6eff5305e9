package dev.asap.objective;

/**
 * The evaluation stopped early on purpose, usually because {@link TrialContext#shouldStop()} said so; the last
 * intermediate value is kept. {@code costSeconds} is what the stopped evaluation cost, when the objective
 * knows (a simulator does), else null: the measured time is charged.
 */
public class TrialPrunedException extends Exception {
  private final Double costSeconds;

  public TrialPrunedException(String reason) {
    this(reason, null);
  }

  public TrialPrunedException(String reason, Double costSeconds) {
    super(reason);
    this.costSeconds = costSeconds;
  }

  public Double costSeconds() {
    return costSeconds;
  }
}
