package dev.asap.schedule;

import dev.asap.optimizer.History;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tools and the judge's models see of a study run at several budgets, in the manner of BOHB (Falkner
 * et al., ICML 2018): the model budget is the highest rung with enough complete results to fit a model on
 * (at least the number of parameters + 2, and 5), and
 * <ul>
 *   <li>a config's result at the model budget or above counts as it is (each config once, at its highest rung);</li>
 *   <li>a config that stopped below the model budget counts as pruned (worse than every result, with its
 *       low-budget value, which is how TPE and the forest rank pruned trials);</li>
 *   <li>a config's results at rungs below the highest it reached count as interrupted: they say nothing
 *       the higher result does not, and they keep the config from being proposed again.</li>
 * </ul>
 * So the models learn from low-budget results until enough high-budget ones exist, as BOHB and DEHB do, and
 * never compare values of different budgets inside one model.
 */
public final class MultiFidelityView {
  private MultiFidelityView() {}

  public static History of(History history) {
    List<Trial> trials = history.trials();
    Map<Object, Integer> highest = new HashMap<>();
    Map<Integer, Integer> completeAt = new HashMap<>();
    boolean scheduled = false;
    for (Trial t : trials) {
      int rung = Rungs.rung(t).orElse(-1);
      if (rung < 0 || t.wasInterrupted()) {
        continue;
      }
      scheduled = true;
      highest.merge(t.config(), rung, Math::max);
      if (t.state() == TrialState.COMPLETE) {
        completeAt.merge(rung, 1, Integer::sum);
      }
    }
    if (!scheduled) {
      return history;
    }
    int enough = Math.max(5, history.space().parameters().size() + 2);
    int modelRung = 0;
    for (var e : completeAt.entrySet()) {
      if (e.getValue() >= enough) {
        modelRung = Math.max(modelRung, e.getKey());
      }
    }
    List<Trial> view = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      int rung = Rungs.rung(t).orElse(-1);
      if (rung < 0 || t.state() == TrialState.RUNNING || t.wasInterrupted()) {
        view.add(t);
      } else if (rung < highest.get(t.config())) {
        view.add(relabel(t, TrialState.INTERRUPTED));
      } else if (rung < modelRung && t.state() == TrialState.COMPLETE) {
        view.add(relabel(t, TrialState.PRUNED));
      } else {
        view.add(t);
      }
    }
    return new History(history.space(), history.direction(), view);
  }

  private static Trial relabel(Trial t, TrialState state) {
    return new Trial(t.number(), t.config(), state, t.value(), t.error(), t.tool(), t.worker(), t.owner(),
        t.intermediate(), t.timings(), t.start(), t.end(), t.heartbeat(), t.attributes());
  }
}
