package dev.asap.trial;

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
  INFEASIBLE,
  /**
   * The run stopped before the evaluation ended (Ctrl-C, a time budget, a process that died): nothing was
   * learned about the config, and the trial does not count against a trial budget.
   */
  INTERRUPTED;

  public boolean isFinished() {
    return this != RUNNING;
  }
}
