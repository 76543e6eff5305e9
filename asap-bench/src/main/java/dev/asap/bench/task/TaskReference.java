package dev.asap.bench.task;

/**
 * What a task's results are measured against: its optimum, the median loss of uniformly random configs, and
 * the typical cost of one evaluation (the unit of "trial-equivalent" budgets).
 *
 * @param optimum      best loss known, or null
 * @param randomMedian median loss of the random sample, NaN without a sample
 * @param meanCost     mean evaluation cost in seconds over the sample, NaN without a sample
 * @param medianCost   median evaluation cost in seconds over the sample, NaN without a sample
 * @param samples      configs evaluated successfully for the estimate
 */
public record TaskReference(String task, Double optimum, double randomMedian, double meanCost, double medianCost,
    int samples) {
  public static final int DEFAULT_SAMPLES = 1_000;

  /** True when regret can be normalised: the optimum is known and random search is worse than it. */
  public boolean normalises() {
    return optimum != null && Double.isFinite(randomMedian) && randomMedian > optimum;
  }

  /** True when time budgets can be expressed in trial-equivalents. */
  public boolean hasCost() {
    return Double.isFinite(meanCost) && meanCost > 0;
  }

  /**
   * (loss − optimum) / (random median − optimum): 0 at the optimum, 1 at a typical random config. Infinite
   * loss (nothing found yet) stays infinite; NaN when the task does not normalise.
   */
  public double normalisedRegret(double loss) {
    if (!normalises()) {
      return Double.NaN;
    }
    return Regret.normalised(loss, optimum, randomMedian);
  }
}
