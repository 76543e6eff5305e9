package dev.asap.bench.multifidelity;

import dev.asap.loop.RunListener;
import dev.asap.schedule.Rungs;
import dev.asap.space.Config;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The config a user would hold at each moment of a multi-fidelity run, and what it is worth: the best result
 * among the trials at the highest budget reached so far (HpBandSter's incumbent), scored by its loss at the
 * full budget. Pruned trials never reached a budget of their own and are not candidates.
 */
final class IncumbentTrace implements RunListener {
  private final double maxBudget;
  private final ToDoubleFunction<Config> finalLoss;
  private final Map<Config, Double> scored = new HashMap<>();
  private final List<double[]> points = new ArrayList<>(); // {time, final loss of the incumbent}
  private double clockStart;
  private double highestBudget = Double.NEGATIVE_INFINITY;
  private double bestObserved = Double.POSITIVE_INFINITY;

  IncumbentTrace(double maxBudget, ToDoubleFunction<Config> finalLoss) {
    this.maxBudget = maxBudget;
    this.finalLoss = finalLoss;
  }

  @Override
  public void runStarted(RunStart start) {
    clockStart = start.clockStart();
  }

  @Override
  public void trialFinished(Trial trial, Trial best) {
    if (trial.state() != TrialState.COMPLETE) {
      return;
    }
    Object b = trial.attributes().get(Rungs.BUDGET);
    double budget = b instanceof Number n ? n.doubleValue() : maxBudget;
    if (budget > highestBudget) {
      highestBudget = budget;
      bestObserved = Double.POSITIVE_INFINITY; // a higher budget's results are not compared with lower ones
    }
    if (budget == highestBudget && trial.value() < bestObserved) {
      bestObserved = trial.value();
      double worth = scored.computeIfAbsent(trial.config(), finalLoss::applyAsDouble);
      points.add(new double[] {trial.end() - clockStart, worth});
    }
  }

  /** The incumbent's full-budget loss at {@code time} (seconds from the start), NaN before the first result. */
  double lossAt(double time) {
    double loss = Double.NaN;
    for (double[] p : points) {
      if (p[0] > time) {
        break;
      }
      loss = p[1];
    }
    return loss;
  }

  /** The first time the incumbent's loss is at most {@code loss}, or +∞ if it never is. */
  double timeTo(double loss) {
    for (double[] p : points) {
      if (p[1] <= loss) {
        return p[0];
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
