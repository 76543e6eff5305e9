package dev.asap.trial;

/**
 * Seconds spent on one trial's phases. {@code askSeconds} and {@code tellSeconds} are always measured on
 * the machine; {@code evalSeconds} is measured, or charged from the objective's reported cost in a
 * simulated run.
 */
public record TrialTimings(double askSeconds, double evalSeconds, double tellSeconds) {
  public static final TrialTimings NONE = new TrialTimings(0, 0, 0);
}
