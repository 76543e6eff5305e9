package dev.asap.bench.multifidelity;

import dev.asap.bench.task.BenchmarkTask;
import dev.asap.objective.Evaluation;
import dev.asap.schedule.Fidelity;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;

/**
 * A benchmark task with an epoch fidelity: its learning curves, and the same task at the full budget only
 * (whose loss scores every incumbent, and whose random sample normalises regret).
 */
record FidelityTask(String name, String family, SearchSpace space, Fidelity fidelity, LearningCurve curve,
    Double optimum) {

  int maxEpochs() {
    return (int) fidelity.max();
  }

  /** The loss after the full budget: what a config is worth to the user. */
  double finalLoss(dev.asap.space.Config config) {
    double[] losses = curve.upTo(config, maxEpochs()).losses();
    return losses[losses.length - 1];
  }

  /** The task at the full budget, for the reference sample (random median, mean cost) of normalised regret. */
  BenchmarkTask atFullBudget() {
    return new BenchmarkTask(name, family, space, Direction.MINIMIZE, (c, ctx) -> {
      LearningCurve.Curve full = curve.upTo(c, maxEpochs());
      return Evaluation.withCost(full.losses()[maxEpochs() - 1], full.cumulativeSeconds()[maxEpochs() - 1]);
    }, optimum, 500);
  }
}
