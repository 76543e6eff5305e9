package dev.asap.optimizer;

import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands out each finished trial of a growing history exactly once, in number order. Trials before the
 * first one still running are never looked at again, so a call costs the running tail, not the history.
 */
public final class FinishedTrials {
  private int frontier;
  private final Set<Integer> handedOut;

  public FinishedTrials() {
    this.handedOut = new HashSet<>();
  }

  private FinishedTrials(FinishedTrials other) {
    this.frontier = other.frontier;
    this.handedOut = new HashSet<>(other.handedOut);
  }

  /** An independent copy: it hands out exactly what this one would, and neither affects the other. */
  public FinishedTrials copy() {
    return new FinishedTrials(this);
  }

  /** The trials that finished since the last call (each one once), in number order. */
  public List<Trial> newSince(History history) {
    List<Trial> trials = history.trials();
    List<Trial> out = new ArrayList<>();
    boolean settled = true;
    for (int i = frontier; i < trials.size(); i++) {
      Trial t = trials.get(i);
      if (!t.state().isFinished()) {
        settled = false;
        continue;
      }
      if (settled) {
        frontier = i + 1;
        if (!handedOut.remove(t.number())) {
          out.add(t);
        }
      } else if (handedOut.add(t.number())) {
        out.add(t);
      }
    }
    return out;
  }
}
