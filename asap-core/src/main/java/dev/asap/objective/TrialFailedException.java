package dev.asap.objective;

/** An evaluation failed for a reason worth keeping on the trial (a crash, a timeout, a missing metric). */
public class TrialFailedException extends Exception {
  public TrialFailedException(String reason) {
    super(reason);
  }

  public TrialFailedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
