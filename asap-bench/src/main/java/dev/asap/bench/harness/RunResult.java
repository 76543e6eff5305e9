package dev.asap.bench.harness;

import dev.asap.loop.StopCause;
import dev.asap.study.WallClockBreakdown;
import java.nio.file.Path;

/**
 * One optimizer's run on one task with one seed: every finished trial's end time (on the simulated clock,
 * from the run's start), loss (NaN when it failed or was infeasible) and whether it was infeasible, in order of
 * completion, plus the run's totals.
 *
 * @param infeasible  per finished trial, true when the objective answered that its config cannot run
 * @param interrupted trials still running when the budget ran out (cancelled; not in {@code ends}/{@code losses})
 * @param askSeconds  measured proposal time, summed over trials
 * @param tellSeconds measured recording time, summed over trials
 * @param realSeconds real time the run took on this machine, harness included
 * @param error       why the run broke off (e.g. the optimizer threw), or null
 * @param breakdown   where the run's simulated wall-clock went, from what its trials recorded
 */
public record RunResult(String task, String family, String optimizer, long seed, double[] ends, double[] losses,
    boolean[] infeasible, int interrupted, StopCause stopCause, double elapsedSeconds, double askSeconds,
    double tellSeconds, double evalSeconds, double realSeconds, Path log, String error,
    WallClockBreakdown breakdown) {

  public RunResult {
    if (infeasible.length != losses.length || ends.length != losses.length) {
      throw new IllegalArgumentException("ends, losses and infeasible flags need one entry per trial (got "
          + ends.length + ", " + losses.length + ", " + infeasible.length + ")");
    }
  }

  /** Trials that finished (complete, failed or infeasible), cancelled ones excluded. */
  public int trials() {
    return losses.length;
  }

  /** Trials that broke (no value, but not infeasible). */
  public int failed() {
    int n = 0;
    for (int i = 0; i < losses.length; i++) {
      if (Double.isNaN(losses[i]) && !infeasible[i]) {
        n++;
      }
    }
    return n;
  }

  /** Best loss among trials finished by {@code time} seconds into the run; +infinity when none. */
  public double bestAtTime(double time) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < losses.length; i++) {
      if (ends[i] <= time && losses[i] < best) {
        best = losses[i];
      }
    }
    return best;
  }

  /** Best loss among the first {@code n} finished trials; +infinity when none. */
  public double bestAtTrials(int n) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < Math.min(n, losses.length); i++) {
      if (losses[i] < best) {
        best = losses[i];
      }
    }
    return best;
  }

  public double finalBest() {
    return bestAtTrials(losses.length);
  }
}
