package dev.asap.optimizer;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** A minimal ask/tell loop over a hand-built history (no store), fast enough for thousands of trials. */
public final class HistoryDriver {
  private final SearchSpace space;
  private final List<Trial> trials = new ArrayList<>();

  public HistoryDriver(SearchSpace space) {
    this.space = space;
  }

  public History history() {
    return new History(space, Direction.MINIMIZE, trials);
  }

  public List<Trial> trials() {
    return trials;
  }

  /** Asks for a proposal and records it as running; returns its trial number. */
  public int ask(Optimizer o) {
    Config c = o.propose(history()).config();
    return add(c, TrialState.RUNNING, null, o.name());
  }

  /** Records a trial proposed by someone else (a user, another tool). */
  public int addForeign(Config c, double value) {
    return add(c, TrialState.COMPLETE, value, "user");
  }

  public void tell(int number, double value) {
    finish(number, TrialState.COMPLETE, value);
  }

  public void fail(int number) {
    finish(number, TrialState.FAILED, null);
  }

  public Config config(int number) {
    return trials.get(number).config();
  }

  /** Sequential ask/tell; returns the best value seen. */
  public double run(Optimizer o, int evaluations, ToDoubleFunction<Config> f) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < evaluations; i++) {
      int n = ask(o);
      double v = f.applyAsDouble(config(n));
      tell(n, v);
      best = Math.min(best, v);
    }
    return best;
  }

  /** Sequential ask/tell until a value below {@code target}; returns the evaluations used (or -1 if never). */
  public int evaluationsToReach(Optimizer o, double target, int maxEvaluations, ToDoubleFunction<Config> f) {
    for (int i = 0; i < maxEvaluations; i++) {
      int n = ask(o);
      double v = f.applyAsDouble(config(n));
      tell(n, v);
      if (v < target) {
        return i + 1;
      }
    }
    return -1;
  }

  private int add(Config c, TrialState state, Double value, String tool) {
    int n = trials.size();
    trials.add(new Trial(n, c, state, value, null, tool, 0, "test", new TreeMap<>(), TrialTimings.NONE, n, n, n,
        Map.of()));
    return n;
  }

  private void finish(int number, TrialState state, Double value) {
    Trial t = trials.get(number);
    trials.set(number, new Trial(number, t.config(), state, value, null, t.tool(), 0, "test", new TreeMap<>(),
        TrialTimings.NONE, t.start(), number, number, Map.of()));
  }
}
