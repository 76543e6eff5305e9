package dev.asap.optimizer.feasibility;

import dev.asap.objective.Evaluation;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;

/** How far an infeasible trial's config was from running, when its objective said ({@link Evaluation#VIOLATION}). */
public final class Violation {
  private Violation() {}

  /** The trial's violation: a finite number > 0, or null when it is not infeasible or did not say. */
  public static Double of(Trial t) {
    if (t.state() != TrialState.INFEASIBLE || !(t.attributes().get(Evaluation.VIOLATION) instanceof Number n)) {
      return null;
    }
    double v = n.doubleValue();
    return v > 0 && Double.isFinite(v) ? v : null;
  }
}
