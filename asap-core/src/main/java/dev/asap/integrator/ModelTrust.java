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
 * question). The judge follows the model whose forecasts over the last {@link #WINDOW} evaluated configs best
 * ranked them by how well they then did (the highest {@linkplain #concordance concordance} with each config's
 * quantile among the trials before it), once every model has made that many forecasts. Nothing is tuned per task.
 *
 * <p>Ranking, not calibration (log loss), because the judge uses the trusted model only to rank the round's
 * candidates, and because the configs scored are the ones the trusted model itself chose as its best: there its
 * forecasts are inflated (the optimizer's curse), so log loss favoured a model that forecasts low everywhere over
 * the one doing the choosing, and moved the judge off the GP at about trial 40 on multimodal functions, where
 * the forest's picks then improved the incumbent half as often (docs/judge.md). Each forecast's log loss is
 * still reported as evidence.
 */
final class ModelTrust {
  /** Forecasts kept per model. */
  static final int WINDOW = 30;
  /**
   * Forecasts every model needs before the evidence overrides the model trusted first: a full window. With 5,
   * noise switched the judge between models mid-run and cost it at budget 50 (docs/judge.md).
   */
  static final int MIN_FORECASTS = WINDOW;
  /** Probabilities are clipped to this distance from 0 and 1 for the log loss reported as evidence. */
  static final double CLIP = 0.02;

  private final Map<Config, Forecast> awaiting;
  /** Per model, its last scored forecasts: {probability, realised quantile, log loss}. */
  private final Map<String, Deque<double[]>> scored;

  private record Forecast(double threshold, Map<String, Double> probability) {}

  ModelTrust() {
    this(new HashMap<>(), new LinkedHashMap<>());
  }

  private ModelTrust(Map<Config, Forecast> awaiting, Map<String, Deque<double[]>> scored) {
    this.awaiting = awaiting;
    this.scored = scored;
  }

  /** An independent copy, for a forked judge. */
  synchronized ModelTrust copy() {
    Map<String, Deque<double[]>> s = new LinkedHashMap<>();
    scored.forEach((model, q) -> {
      Deque<double[]> d = new ArrayDeque<>();
      q.forEach(e -> d.addLast(e.clone()));
      s.put(model, d);
    });
    return new ModelTrust(new HashMap<>(awaiting), s);
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
      double quantile = quantile(history, t);
      f.probability().forEach((model, p) -> {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        Deque<double[]> d = scored.computeIfAbsent(model, k -> new ArrayDeque<>());
        d.addLast(new double[] {p, quantile, -Math.log(good ? q : 1 - q)});
        if (d.size() > WINDOW) {
          d.removeFirst();
        }
      });
    }
  }

  /**
   * The model to follow: the one with the highest concordance over its window once every model has made
   * {@link #MIN_FORECASTS} scored forecasts (ties to {@code before}); until then {@code before}, the model
   * trusted before the study has evidence. Following the best forecaster, rather than averaging, keeps a
   * good model's ranking intact: averaged with weaker ones it was diluted (docs/judge.md).
   */
  synchronized String trusted(List<String> models, String before) {
    String best = null;
    double bestConcordance = Double.NEGATIVE_INFINITY;
    for (String m : models) {
      Deque<double[]> d = scored.get(m);
      if (d == null || d.size() < MIN_FORECASTS) {
        return before;
      }
      double c = concordance(d);
      if (c > bestConcordance || c == bestConcordance && m.equals(before)) {
        best = m;
        bestConcordance = c;
      }
    }
    return best == null ? before : best;
  }

  /**
   * Where a finished trial's loss ranks among the trials finished before it: the share of them with a lower
   * loss (ties count half; those that did not complete count as worse); 1 for a trial that did not complete.
   */
  static double quantile(History history, Trial t) {
    if (t.state() != TrialState.COMPLETE) {
      return 1;
    }
    double loss = history.loss(t);
    double below = 0;
    int n = 0;
    for (Trial o : history.trials()) {
      if (o.number() == t.number() || !o.state().isFinished() || o.wasInterrupted()) {
        continue;
      }
      boolean earlier = Double.isFinite(o.end()) && Double.isFinite(t.end()) ? o.end() < t.end()
          : o.number() < t.number();
      if (!earlier) {
        continue;
      }
      n++;
      if (o.state() == TrialState.COMPLETE) {
        double l = history.loss(o);
        below += l < loss ? 1 : l == loss ? 0.5 : 0;
      }
    }
    return n == 0 ? 0.5 : below / n;
  }

  /**
   * Harrell's concordance of a window of {probability, quantile, ...} forecasts: among the pairs of configs
   * whose realised quantiles differ, the share in which the better one had the higher forecast (equal forecasts
   * count half); 0.5 without such pairs. Insensitive to how calibrated the forecasts are, only to their order.
   */
  static double concordance(Deque<double[]> window) {
    double[][] e = window.toArray(new double[0][]);
    double agree = 0;
    int pairs = 0;
    for (int i = 0; i < e.length; i++) {
      for (int j = i + 1; j < e.length; j++) {
        if (e[i][1] == e[j][1]) {
          continue;
        }
        pairs++;
        double better = e[i][1] < e[j][1] ? e[i][0] - e[j][0] : e[j][0] - e[i][0];
        agree += better > 0 ? 1 : better == 0 ? 0.5 : 0;
      }
    }
    return pairs == 0 ? 0.5 : agree / pairs;
  }

  /** Each model's concordance over its window, for the evidence. */
  synchronized Map<String, Double> concordances() {
    Map<String, Double> out = new LinkedHashMap<>();
    scored.forEach((m, d) -> out.put(m, Math.round(concordance(d) * 1e4) / 1e4));
    return out;
  }

  /** Each model's mean log loss over its window, for the evidence. */
  synchronized Map<String, Double> meanLogLoss() {
    Map<String, Double> out = new LinkedHashMap<>();
    scored.forEach((m, d) -> out.put(m, Math.round(d.stream().mapToDouble(e -> e[2]).average().orElse(0) * 1e4)
        / 1e4));
    return out;
  }
}
