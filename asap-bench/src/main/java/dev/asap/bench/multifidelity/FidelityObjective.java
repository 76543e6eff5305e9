package dev.asap.bench.multifidelity;

import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialPrunedException;
import dev.asap.space.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * One run's objective over a {@link FidelityTask}: trains a config to the epochs the scheduler gives (the
 * full budget when it gives none), reports the loss after every epoch and stops when the scheduler asks. With
 * {@code continuation}, a config run again at more epochs resumes from its last epoch and is charged only the
 * epochs it adds (lcbench's cost is cumulative per epoch, so this is what a checkpoint saves); without, it is
 * charged from epoch 1. Kept per run: the checkpoints belong to the run.
 */
final class FidelityObjective implements Objective {
  private final FidelityTask task;
  private final boolean continuation;
  private final Map<Map<String, Object>, Integer> trainedEpochs = new HashMap<>();

  FidelityObjective(FidelityTask task, boolean continuation) {
    this.task = task;
    this.continuation = continuation;
  }

  @Override
  public synchronized Evaluation evaluate(Config config, TrialContext context) throws TrialPrunedException {
    String name = task.fidelity().name();
    int epochs = config.has(name) ? (int) Math.round(((Number) config.get(name)).doubleValue()) : task.maxEpochs();
    Map<String, Object> key = new HashMap<>(config.values());
    key.remove(name);
    int resumedAt = continuation ? Math.min(trainedEpochs.getOrDefault(key, 0), epochs) : 0;
    LearningCurve.Curve curve = task.curve().upTo(config, epochs);
    double paidBefore = resumedAt == 0 ? 0 : curve.cumulativeSeconds()[resumedAt - 1];
    for (int e = 1; e <= epochs; e++) {
      context.report(e, curve.losses()[e - 1]);
      if (e < epochs && e > resumedAt && context.shouldStop()) {
        trainedEpochs.merge(key, e, Math::max);
        throw new TrialPrunedException("stopped after epoch " + e, curve.cumulativeSeconds()[e - 1] - paidBefore);
      }
    }
    trainedEpochs.merge(key, epochs, Math::max);
    return Evaluation.withCost(curve.losses()[epochs - 1], curve.cumulativeSeconds()[epochs - 1] - paidBefore);
  }
}
