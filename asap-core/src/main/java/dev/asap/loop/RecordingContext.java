package dev.asap.loop;

import dev.asap.objective.TrialContext;
import dev.asap.study.Study;

/**
 * The context a running trial reports through: intermediate values go to the study, and the last one is
 * kept as the value of a trial that gets pruned.
 */
final class RecordingContext implements TrialContext {
  private final Study study;
  private final int number;
  private volatile Double last;

  RecordingContext(Study study, int number) {
    this.study = study;
    this.number = number;
  }

  @Override
  public int trialNumber() {
    return number;
  }

  @Override
  public void report(long step, double value) {
    last = value;
    study.report(number, step, value);
  }

  /** The last reported value, or null. */
  Double lastReported() {
    return last;
  }
}
