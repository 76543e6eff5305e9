package dev.asap.bench.harness;

import dev.asap.loop.StopCause;
import dev.asap.study.WallClockBreakdown;
import java.nio.file.Path;

/**
 * One optimizer's run on one task with one seed: every finished trial's end time (on the simulated clock,
 * from the run's start) and loss (NaN when it failed), in order of completion, plus the run's totals.
 *
 * @param interrupted trials still running when the budget ran out (cancelled; not in {@code ends}/{@code losses})
 * @param askSeconds  measured proposal time, summed over trials
 * @param tellSeconds measured recording time, summed over trials
 * @param realSeconds real time the run took on this machine, harness included
 * @param error       why the run broke off (e.g. the optimizer threw), or null
 * @param breakdown   where the run's simulated wall-clock went, from what its trials recorded
 */
public record RunResult(String task, String family, String optimizer, long seed, double[] ends, double[] losses,
    int interrupted, StopCause stopCause, double elapsedSeconds, double askSeconds, double tellSeconds,
    double evalSeconds, double realSeconds, Path log, String error, WallClockBreakdown breakdown) {

  /** Trials that finished (complete or failed), cancelled ones excluded. */
  public int trials() {
    return losses.length;
  }

  public int failed() {
    int n = 0;
    for (double l : losses) {
      if (Double.isNaN(l)) {
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
