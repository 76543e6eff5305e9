package dev.asap.bench.task;

/**
 * What a task's results are measured against: its optimum, the median loss of uniformly random configs, and
 * the typical cost of one evaluation (the unit of "trial-equivalent" budgets). Infeasible configs have no loss:
 * the median and costs are over the feasible ones, and their share of the sample is kept apart.
 *
 * @param optimum         best loss known, or null
 * @param randomMedian    median loss of the random sample's feasible configs, NaN without any
 * @param meanCost        mean evaluation cost in seconds over the same configs, NaN without any
 * @param medianCost      median evaluation cost in seconds over the same configs, NaN without any
 * @param samples         configs evaluated successfully (and feasible) for the estimate
 * @param infeasibleShare share of the random draws the objective answered infeasible; NaN without a sample
 */
public record TaskReference(String task, Double optimum, double randomMedian, double meanCost, double medianCost,
    int samples, double infeasibleShare) {
  public static final int DEFAULT_SAMPLES = 1_000;

  /** A reference of a task without infeasible configs. */
  public TaskReference(String task, Double optimum, double randomMedian, double meanCost, double medianCost,
      int samples) {
    this(task, optimum, randomMedian, meanCost, medianCost, samples, samples == 0 ? Double.NaN : 0);
  }

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
