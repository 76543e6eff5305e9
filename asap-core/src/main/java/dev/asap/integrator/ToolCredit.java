package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.study.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credit of each tool from the trials it proposed. A trial's reward is 1 when it beat the incumbent of its
 * time, else it falls linearly from 1 at the incumbent's loss to 0 at the median loss of the trials completed
 * before it. A graded reward keeps credit with a tool that keeps proposing near-best configs even once its
 * own earlier trials fill the top of the table (a success/failure cut at a quantile would not). Recent trials
 * weigh more (discount per later trial of the same tool), because which tool helps changes during a run.
 */
final class ToolCredit {
  static final double DISCOUNT = 0.9;

  private ToolCredit() {}

  /** Discounted (reward sum, trial count) per tool, over trials in order of completion. */
  static Map<String, double[]> of(History history) {
    List<Trial> done = new ArrayList<>(history.completed());
    done.sort((a, b) -> Double.compare(endOf(a), endOf(b)));
    Map<String, double[]> credit = new LinkedHashMap<>();
    double[] earlier = new double[done.size()];
    for (int i = 0; i < done.size(); i++) {
      Trial t = done.get(i);
      double loss = history.loss(t);
      double reward = reward(loss, earlier, i);
      earlier[i] = loss;
      double[] c = credit.computeIfAbsent(t.tool(), k -> new double[2]);
      c[0] = c[0] * DISCOUNT + reward;
      c[1] = c[1] * DISCOUNT + 1;
    }
    return credit;
  }

  static double reward(double loss, double[] earlier, int n) {
    if (n == 0) {
      return 0.5;
    }
    double[] sorted = Arrays.copyOf(earlier, n);
    Arrays.sort(sorted);
    double best = sorted[0];
    if (loss < best) {
      return 1;
    }
    double median = sorted[(n - 1) / 2];
    if (median <= best) {
      return loss <= best ? 1 : 0;
    }
    return Math.max(0, 1 - (loss - best) / (median - best));
  }

  private static double endOf(Trial t) {
    return Double.isFinite(t.end()) ? t.end() : t.number();
  }
}
