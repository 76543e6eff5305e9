package dev.asap.loop;

import dev.asap.trial.Trial;

/**
 * What a run did: why it stopped, its trials by state (infeasible and interrupted ones counted apart from
 * failures; interrupted ones are not in {@link #finished}), the best
 * trial of the study, and where the time went (proposal, evaluation and recording time summed over this run's trials; elapsed is on the run's
 * clock), and what speculation did (null when it was off). Proposal time is what was paid on the critical
 * path; speculation's hidden seconds are in {@code speculation}.
 */
public record RunReport(
    StopCause stopCause,
    String stopReason,
    int completed,
    int failed,
    int pruned,
    int infeasible,
    int interrupted,
    int recovered,
    Trial best,
    double elapsedSeconds,
    double askSeconds,
    double evalSeconds,
    double tellSeconds,
    SpeculationStats speculation) {

  public int finished() {
    return completed + failed + pruned + infeasible;
  }

  /** True when this run started trials and every one that ended, failed: the objective looks broken. */
  public boolean everyTrialFailed() {
    return failed > 0 && completed + pruned + infeasible == 0;
  }
}
