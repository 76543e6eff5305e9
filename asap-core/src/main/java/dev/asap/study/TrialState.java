package dev.asap.study;

/** Life cycle of a trial: it starts RUNNING and ends in exactly one of the other states. */
public enum TrialState {
  RUNNING,
  COMPLETE,
  /** The evaluation ran, or was attempted, and broke: a crash, a time-out, a missing metric. */
  FAILED,
  PRUNED,
  /**
   * The objective answered that this config cannot be run (out of memory, a rule the space could not
   * express): a result to learn from, with a reason and no value.
   */
  INFEASIBLE;

  public boolean isFinished() {
    return this != RUNNING;
  }
}
