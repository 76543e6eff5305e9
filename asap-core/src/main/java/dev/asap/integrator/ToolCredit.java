package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credit of each tool from the trials it proposed, kept up to date as trials complete. A trial's reward is 1
 * when it beat the incumbent of its time, else it falls linearly from 1 at the incumbent's loss to 0 at the
 * median loss of the trials completed before it. A graded reward keeps credit with a tool that keeps
 * proposing near-best configs even once its own earlier trials fill the top of the table (a success/failure
 * cut at a quantile would not). Recent trials weigh more (discount per later trial of the same tool), because
 * which tool helps changes during a run.
 *
 * <p>Each completed trial is scored once, in order of completion, against a sorted list of the losses before
 * it, so a round costs what completed since the last one rather than the study's size.
 */
final class ToolCredit {
  static final double DISCOUNT = 0.9;

  private final Map<String, double[]> credit = new LinkedHashMap<>();
  private final List<Double> sortedLosses = new ArrayList<>();
  private final Set<Integer> scored = new HashSet<>();

  /** An independent copy: a fork of a judge scores its own trials without touching the original's credit. */
  synchronized ToolCredit copy() {
    ToolCredit c = new ToolCredit();
    credit.forEach((tool, v) -> c.credit.put(tool, v.clone()));
    c.sortedLosses.addAll(sortedLosses);
    c.scored.addAll(scored);
    return c;
  }

  /** Scores the trials completed since the last call; returns (discounted reward, trial count) per tool. */
  synchronized Map<String, double[]> update(History history) {
    List<Trial> fresh = new ArrayList<>();
    for (Trial t : history.completed()) {
      if (!scored.contains(t.number())) {
        fresh.add(t);
      }
    }
    fresh.sort((a, b) -> Double.compare(endOf(a), endOf(b)));
    for (Trial t : fresh) {
      scored.add(t.number());
      double loss = history.loss(t);
      double reward = reward(loss, sortedLosses);
      int at = Collections.binarySearch(sortedLosses, loss);
      sortedLosses.add(at >= 0 ? at : -at - 1, loss);
      double[] c = credit.computeIfAbsent(t.tool(), k -> new double[2]);
      c[0] = c[0] * DISCOUNT + reward;
      c[1] = c[1] * DISCOUNT + 1;
    }
    Map<String, double[]> copy = new LinkedHashMap<>();
    credit.forEach((tool, c) -> copy.put(tool, c.clone()));
    return copy;
  }

  /** The reward of a loss against the sorted losses completed before it. */
  static double reward(double loss, List<Double> sortedEarlier) {
    int n = sortedEarlier.size();
    if (n == 0) {
      return 0.5;
    }
    double best = sortedEarlier.get(0);
    if (loss < best) {
      return 1;
    }
    double median = sortedEarlier.get((n - 1) / 2);
    if (median <= best) {
      return loss <= best ? 1 : 0;
    }
    return Math.max(0, 1 - (loss - best) / (median - best));
  }

  private static double endOf(Trial t) {
    return Double.isFinite(t.end()) ? t.end() : t.number();
  }
}
