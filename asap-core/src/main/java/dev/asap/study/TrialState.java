package dev.asap.study;

/** Life cycle of a trial: it starts RUNNING and ends in exactly one of the other states. */
public enum TrialState {
  RUNNING,
  COMPLETE,
  FAILED,
  PRUNED;

  public boolean isFinished() {
    return this != RUNNING;
  }
}
