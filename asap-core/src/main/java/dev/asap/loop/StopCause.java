package dev.asap.loop;

/** Why a run stopped; {@link #ALL_FAILED} means the objective looks broken rather than the budget spent. */
public enum StopCause {
  TRIAL_BUDGET,
  TIME_BUDGET,
  TARGET_REACHED,
  REQUESTED,
  ALL_FAILED,
  NOTHING_TO_RUN
}
