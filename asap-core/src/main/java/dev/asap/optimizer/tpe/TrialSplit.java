package dev.asap.optimizer.tpe;

import dev.asap.optimizer.History;
import dev.asap.optimizer.feasibility.Violation;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * The good and bad trials of Optuna's {@code _split_trials}: the best {@link #gamma(int)} complete trials
 * by loss are good; the other complete trials, the pruned ones, the infeasible ones and, under the constant
 * liar, the pending ones are bad. As in Optuna's constrained TPE, a feasible trial always ranks above an
 * infeasible one, so g(x) learns where configs do not run and l(x)/g(x) steers away from there. With fewer
 * feasible trials than the good group holds, the infeasible ones whose objective reported the smallest
 * violation fill it; without reported violations l(x) is then the prior alone. Failed trials carry no loss and are left out. Both lists are in trial-number order, which
 * the observation weights rely on.
 */
final class TrialSplit {
  /** Optuna's default_gamma caps the good group at 25 trials. */
  static final int MAX_GOOD = 25;

  private final List<EncodedTrial> good;
  private final List<EncodedTrial> bad;
  private final List<EncodedTrial> finished;

  private TrialSplit(List<EncodedTrial> good, List<EncodedTrial> bad, List<EncodedTrial> finished) {
    this.good = good;
    this.bad = bad;
    this.finished = finished;
  }

  /** Optuna's default_gamma: min(ceil(0.1 n), 25) good trials out of n finished ones. */
  static int gamma(int n) {
    return Math.min((n + 9) / 10, MAX_GOOD);
  }

  static TrialSplit of(History history, EncodingCache cache, boolean constantLiar) {
    List<Trial> trials = history.trials();
    int size = trials.size();
    TrialState[] states = new TrialState[size];
    double[] loss = new double[size];
    double[] violation = new double[size];
    int finishedCount = 0;
    int completeCount = 0;
    int rankedInfeasible = 0;
    for (int i = 0; i < size; i++) {
      Trial t = trials.get(i);
      states[i] = t.state();
      if (states[i] == TrialState.COMPLETE) {
        loss[i] = history.loss(t);
        completeCount++;
      }
      if (states[i] == TrialState.COMPLETE || states[i] == TrialState.PRUNED || states[i] == TrialState.INFEASIBLE) {
        finishedCount++;
      }
      Double v = Violation.of(t);
      violation[i] = v == null ? Double.NaN : v;
      rankedInfeasible += v == null ? 0 : 1;
    }
    int goodCount = Math.min(gamma(finishedCount), completeCount + rankedInfeasible);
    boolean[] isGood = bestPositions(states, loss, Math.min(goodCount, completeCount));
    if (goodCount > completeCount) {
      // Optuna's constrained TPE: too few feasible trials, so the least violating infeasible ones join them.
      markLeastViolating(violation, goodCount - completeCount, isGood);
    }
    List<EncodedTrial> good = new ArrayList<>();
    List<EncodedTrial> bad = new ArrayList<>(size);
    List<EncodedTrial> finished = new ArrayList<>(finishedCount);
    for (int i = 0; i < size; i++) {
      TrialState state = states[i];
      if (state == TrialState.FAILED || state == TrialState.INTERRUPTED
          || (state == TrialState.RUNNING && !constantLiar)) {
        continue;
      }
      EncodedTrial e = cache.get(trials.get(i));
      if (state != TrialState.RUNNING) {
        finished.add(e);
      }
      (isGood[i] ? good : bad).add(e);
    }
    return new TrialSplit(good, bad, finished);
  }

  /**
   * Positions of the {@code k} complete trials with the lowest loss, ties going to the earlier trial (a
   * stable sort, as in Optuna). k is at most 25, so an insertion buffer beats sorting all trials.
   */
  private static boolean[] bestPositions(TrialState[] states, double[] loss, int k) {
    int[] best = new int[k];
    int filled = 0;
    for (int i = 0; i < states.length && k > 0; i++) {
      if (states[i] != TrialState.COMPLETE || (filled == k && !(loss[i] < loss[best[k - 1]]))) {
        continue;
      }
      int j = filled == k ? k - 1 : filled++;
      while (j > 0 && loss[i] < loss[best[j - 1]]) {
        best[j] = best[j - 1];
        j--;
      }
      best[j] = i;
    }
    boolean[] out = new boolean[states.length];
    for (int j = 0; j < filled; j++) {
      out[best[j]] = true;
    }
    return out;
  }

  /** Marks the {@code k} trials of lowest violation (NaN: none reported) as good, ties to the earlier trial. */
  private static void markLeastViolating(double[] violation, int k, boolean[] isGood) {
    List<Integer> ranked = new ArrayList<>();
    for (int i = 0; i < violation.length; i++) {
      if (!Double.isNaN(violation[i])) {
        ranked.add(i);
      }
    }
    ranked.sort(java.util.Comparator.comparingDouble((Integer i) -> violation[i]).thenComparingInt(i -> i));
    for (int j = 0; j < Math.min(k, ranked.size()); j++) {
      isGood[ranked.get(j)] = true;
    }
  }

  /** The good trials (l(x)), in number order. */
  List<EncodedTrial> good() {
    return good;
  }

  /** The bad trials (g(x)), pending ones included under the constant liar, in number order. */
  List<EncodedTrial> bad() {
    return bad;
  }

  /** Complete, pruned and infeasible trials: the ones that count as observations. */
  List<EncodedTrial> finished() {
    return finished;
  }
}
