package dev.asap.schedule;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning",
 * MLSys 2020): a free worker promotes a config that ranks in the top 1/eta of its rung and was not promoted
 * yet, looking at the highest rung first; when there is none it starts a new config at the lowest budget. No
 * worker ever waits for a rung to fill, which is what makes it the scheduler for many workers.
 */
public final class Asha implements Scheduler {
  private final Fidelity fidelity;
  private final Direction direction;
  private final List<Double> rungs;

  public Asha(Fidelity fidelity, Direction direction) {
    this.fidelity = fidelity;
    this.direction = direction;
    this.rungs = fidelity.rungs();
  }

  @Override
  public String name() {
    return "asha";
  }

  @Override
  public Fidelity fidelity() {
    return fidelity;
  }

  @Override
  public Assignment next(List<Trial> trials) {
    Set<Integer> promoted = Rungs.promoted(trials);
    for (int k = rungs.size() - 2; k >= 0; k--) {
      List<Trial> finished = new ArrayList<>();
      for (Trial t : trials) {
        if (Rungs.rung(t).orElse(-1) == k && Rungs.counts(t)) {
          finished.add(t);
        }
      }
      finished.sort(Rungs.bestFirst(direction));
      int top = (int) Math.floor(finished.size() / fidelity.eta());
      for (int i = 0; i < top; i++) {
        Trial t = finished.get(i);
        if (t.state() == TrialState.COMPLETE && !promoted.contains(t.number())) {
          return new Assignment.Promote(t, rungs.get(k + 1), Rungs.notes(fidelity, k + 1, Map.of(
              Rungs.PROMOTED_FROM, t.number(),
              Rungs.REASON, "rank " + (i + 1) + " of " + finished.size() + " at " + fidelity.name() + " "
                  + fidelity.value(rungs.get(k)) + " (top 1/" + fmt(fidelity.eta()) + ")")));
        }
      }
    }
    return new Assignment.Fresh(rungs.get(0), Rungs.notes(fidelity, 0, Map.of(Rungs.REASON,
        "new config at the lowest budget: nothing to promote")));
  }

  static String fmt(double eta) {
    return eta == Math.rint(eta) ? Long.toString((long) eta) : Double.toString(eta);
  }
}
