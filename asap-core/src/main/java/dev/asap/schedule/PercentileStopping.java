package dev.asap.schedule;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Stops a trial whose best reported value so far is worse than the given percentile of what the finished
 * trials had reported by the same step (median stopping at 50, as in Google Vizier and Optuna's
 * MedianPruner; at 25 only trials in the best quarter go on). Nothing stops before {@code warmupSteps} or
 * while fewer than {@code startupTrials} finished trials reached the step. New configs run at the full budget.
 */
public final class PercentileStopping implements Scheduler {
  private final double percentile;
  private final int startupTrials;
  private final long warmupSteps;
  private final Fidelity fidelity;
  private final Direction direction;

  /** @param fidelity the study's fidelity, or null: trials then run as the objective decides */
  public PercentileStopping(double percentile, int startupTrials, long warmupSteps, Fidelity fidelity,
      Direction direction) {
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException("the percentile must be between 0 and 100 (got " + percentile + ")");
    }
    if (startupTrials < 1 || warmupSteps < 0) {
      throw new IllegalArgumentException("startup_trials must be >= 1 and warmup_steps >= 0");
    }
    this.percentile = percentile;
    this.startupTrials = startupTrials;
    this.warmupSteps = warmupSteps;
    this.fidelity = fidelity;
    this.direction = direction;
  }

  @Override
  public String name() {
    return percentile == 50 ? "median" : "percentile";
  }

  @Override
  public Fidelity fidelity() {
    return fidelity;
  }

  @Override
  public boolean onlyStops() {
    return true;
  }

  @Override
  public Assignment next(List<Trial> trials) {
    return Assignment.Fresh.atFullBudget(fidelity);
  }

  @Override
  public Optional<String> stopReason(int number, SortedMap<Long, Double> reports, List<Trial> trials) {
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    long step = reports.lastKey();
    if (step < warmupSteps) {
      return Optional.empty();
    }
    double best = Double.POSITIVE_INFINITY;
    for (double v : reports.values()) {
      best = Math.min(best, Rungs.loss(v, direction));
    }
    List<Double> others = new ArrayList<>();
    for (Trial t : trials) {
      if (t.number() == number || (t.state() != TrialState.COMPLETE && t.state() != TrialState.PRUNED)) {
        continue;
      }
      SortedMap<Long, Double> upTo = t.intermediate().headMap(step + 1);
      if (!upTo.isEmpty() && upTo.lastKey() == step) {
        others.add(upTo.values().stream().mapToDouble(v -> Rungs.loss(v, direction)).min().orElseThrow());
      }
    }
    if (others.size() < startupTrials) {
      return Optional.empty();
    }
    double threshold = percentileOf(others, percentile);
    if (best > threshold) {
      return Optional.of(String.format("step %d: best value %s is worse than the %s of %d finished trials at"
          + " this step (%s)", step, fmt(direction == Direction.MINIMIZE ? best : -best),
          percentile == 50 ? "median" : fmt(percentile) + "th percentile", others.size(),
          fmt(direction == Direction.MINIMIZE ? threshold : -threshold)));
    }
    return Optional.empty();
  }

  /** Linear interpolation between order statistics, as numpy's default. */
  static double percentileOf(List<Double> values, double p) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    double pos = p / 100 * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  private static String fmt(double v) {
    return String.format("%.6g", v);
  }
}
