package dev.asap.objective;

/** The evaluation stopped early on purpose; the last intermediate value is kept. */
public class TrialPrunedException extends Exception {
  public TrialPrunedException(String reason) {
    super(reason);
  }
}
