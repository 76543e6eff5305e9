package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.space.Config;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the pool's models to trust in this study, learned from their one-step-ahead forecasts: before a
 * config is evaluated each model gives its probability that the config lands among the best trials so far
 * (the best ⌈n / 10⌉, at most 25, of the n finished: TPE's split, so that all three models answer the same
 * question); once it is evaluated each forecast is scored by its log loss. The judge follows the model with the
 * lowest mean log loss over the last {@link #WINDOW} forecasts, once every model has made that many (which
 * model predicts best can change during a run). Nothing is tuned per task.
 */
final class ModelTrust {
  /** Forecasts kept per model. */
  static final int WINDOW = 30;
  /**
   * Forecasts every model needs before the evidence overrides the model trusted first: a full window. With 5,
   * noise switched the judge between models mid-run and cost it at budget 50 (docs/judge.md).
   */
  static final int MIN_FORECASTS = WINDOW;
  /** Probabilities are clipped to this distance from 0 and 1: one confident miss must not silence a model. */
  static final double CLIP = 0.02;

  private final Map<Config, Forecast> awaiting;
  private final Map<String, Deque<Double>> losses;

  private record Forecast(double threshold, Map<String, Double> probability) {}

  ModelTrust() {
    this(new HashMap<>(), new LinkedHashMap<>());
  }

  private ModelTrust(Map<Config, Forecast> awaiting, Map<String, Deque<Double>> losses) {
    this.awaiting = awaiting;
    this.losses = losses;
  }

  /** An independent copy, for a forked judge. */
  synchronized ModelTrust copy() {
    Map<String, Deque<Double>> l = new LinkedHashMap<>();
    losses.forEach((model, q) -> l.put(model, new ArrayDeque<>(q)));
    return new ModelTrust(new HashMap<>(awaiting), l);
  }

  /**
   * The threshold every model forecasts against: the k-th best loss of the finished trials with k = ⌈n / 10⌉
   * (at most 25); NaN while nothing has completed.
   */
  static double threshold(History history) {
    List<Trial> done = history.completed();
    if (done.isEmpty()) {
      return Double.NaN;
    }
    double[] l = new double[done.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = history.loss(done.get(i));
    }
    Arrays.sort(l);
    int k = Math.min(Math.min((done.size() + 9) / 10, 25), l.length);
    return l[k - 1];
  }

  /** Remembers each model's forecast for the config chosen this round, to be scored once it is evaluated. */
  synchronized void forecast(Config chosen, double threshold, Map<String, Double> probability) {
    if (!probability.isEmpty() && Double.isFinite(threshold)) {
      awaiting.put(chosen, new Forecast(threshold, Map.copyOf(probability)));
    }
  }

  /** Scores the forecasts whose configs have finished since the last call. */
  synchronized void update(History history) {
    if (awaiting.isEmpty()) {
      return;
    }
    for (Trial t : history.trials()) {
      if (!t.state().isFinished() || t.wasInterrupted()) {
        continue;
      }
      Forecast f = awaiting.remove(t.config());
      if (f == null) {
        continue;
      }
      // A config that failed or could not run is not among the best.
      boolean good = t.state() == TrialState.COMPLETE && history.loss(t) <= f.threshold();
      f.probability().forEach((model, p) -> {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        Deque<Double> d = losses.computeIfAbsent(model, k -> new ArrayDeque<>());
        d.addLast(-Math.log(good ? q : 1 - q));
        if (d.size() > WINDOW) {
          d.removeFirst();
        }
      });
    }
  }

  /**
   * The model to follow: the one with the lowest mean log loss over its window once every model has made
   * {@link #MIN_FORECASTS} scored forecasts (ties to {@code before}); until then {@code before}, the model
   * trusted before the study has evidence. Following the best forecaster, rather than averaging, keeps a
   * well-calibrated model's ranking intact: averaged with weaker ones it was diluted (docs/judge.md).
   */
  synchronized String trusted(List<String> models, String before) {
    String best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (String m : models) {
      Deque<Double> d = losses.get(m);
      if (d == null || d.size() < MIN_FORECASTS) {
        return before;
      }
      double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (mean < bestLoss || mean == bestLoss && m.equals(before)) {
        best = m;
        bestLoss = mean;
      }
    }
    return best == null ? before : best;
  }

  /** Each model's mean log loss over its window, for the evidence. */
  synchronized Map<String, Double> meanLogLoss() {
    Map<String, Double> out = new LinkedHashMap<>();
    losses.forEach((m, d) -> out.put(m, Math.round(d.stream().mapToDouble(Double::doubleValue).average().orElse(0)
        * 1e4) / 1e4));
    return out;
  }
}
