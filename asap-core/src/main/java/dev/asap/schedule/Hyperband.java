package dev.asap.schedule;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hyperband (Li et al., JMLR 2018): brackets of synchronous successive halving. Bracket s starts
 * ⌈(s_max+1)/(s+1)·eta^s⌉ configs at the budget eta^s below the maximum and promotes the best 1/eta of each
 * rung once the whole rung has finished, until one config runs at the maximum; brackets cycle from the most
 * aggressive (s = s_max, every rung) to plain full-budget runs (s = 0).
 *
 * <p>With several workers, a worker that would wait for a rung to finish opens the next bracket instead, as
 * BOHB's parallel version does; within a bracket the promotions stay synchronous.
 */
public final class Hyperband implements Scheduler {
  private final Fidelity fidelity;
  private final Direction direction;
  private final List<Double> rungs;
  private final int sMax;

  public Hyperband(Fidelity fidelity, Direction direction) {
    this.fidelity = fidelity;
    this.direction = direction;
    this.rungs = fidelity.rungs();
    this.sMax = rungs.size() - 1;
  }

  @Override
  public String name() {
    return "hyperband";
  }

  @Override
  public Fidelity fidelity() {
    return fidelity;
  }

  @Override
  public Assignment next(List<Trial> trials) {
    TreeMap<Integer, List<Trial>> brackets = new TreeMap<>();
    for (Trial t : trials) {
      Rungs.bracket(t).ifPresent(b -> brackets.computeIfAbsent(b, k -> new ArrayList<>()).add(t));
    }
    Set<Integer> promoted = Rungs.promoted(trials);
    for (int b = 0; ; b++) {
      Assignment a = step(b, brackets.getOrDefault(b, List.of()), promoted);
      if (a instanceof Assignment.Fresh || a instanceof Assignment.Promote) {
        return a;
      }
      // Complete, or waiting for its rung: the next bracket may have work (an empty one always has).
    }
  }

  /** The next assignment in bracket {@code b}, a Wait while its current rung runs, or null once it is done. */
  private Assignment step(int b, List<Trial> members, Set<Integer> promoted) {
    int s = sMax - b % (sMax + 1);
    int base = sMax - s;
    double n0 = Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(fidelity.eta(), s));
    for (int j = 0; j <= s; j++) {
      int rung = base + j;
      int need = Math.max(1, (int) Math.floor(n0 * Math.pow(fidelity.eta(), -j) + 1e-9));
      List<Trial> atRung = atRung(members, rung);
      if (atRung.size() >= need) {
        continue;
      }
      if (j == 0) {
        return new Assignment.Fresh(rungs.get(rung), Rungs.notes(fidelity, rung, Map.of(Rungs.BRACKET, b,
            Rungs.REASON, "bracket " + b + " starts " + (int) n0 + " configs at " + fidelity.name() + " "
                + fidelity.value(rungs.get(rung)))));
      }
      List<Trial> previous = atRung(members, rung - 1);
      if (previous.stream().anyMatch(t -> t.state() == TrialState.RUNNING)) {
        return new Assignment.Wait("bracket " + b + " waits for rung " + (rung - 1) + " to finish");
      }
      List<Trial> ranked = new ArrayList<>(previous.stream().filter(Rungs::counts).toList());
      ranked.sort(Rungs.bestFirst(direction));
      for (int i = 0; i < Math.min(need, ranked.size()); i++) {
        Trial t = ranked.get(i);
        if (t.state() == TrialState.COMPLETE && !promoted.contains(t.number())) {
          return new Assignment.Promote(t, rungs.get(rung), Rungs.notes(fidelity, rung, Map.of(Rungs.BRACKET, b,
              Rungs.PROMOTED_FROM, t.number(), Rungs.REASON, "bracket " + b + ": rank " + (i + 1) + " of "
                  + ranked.size() + ", the best " + need + " go on to " + fidelity.name() + " "
                  + fidelity.value(rungs.get(rung)))));
        }
      }
      return null; // fewer results than places (failed trials): the bracket ends here
    }
    return members.stream().anyMatch(t -> t.state() == TrialState.RUNNING)
        ? new Assignment.Wait("bracket " + b + " runs its last rung") : null;
  }

  private static List<Trial> atRung(List<Trial> members, int rung) {
    List<Trial> out = new ArrayList<>();
    for (Trial t : members) {
      if (Rungs.rung(t).orElse(-1) == rung && !t.wasInterrupted()) {
        out.add(t);
      }
    }
    return out;
  }
}
