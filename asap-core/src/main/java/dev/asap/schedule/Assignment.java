package dev.asap.schedule;

import dev.asap.trial.Trial;
import java.util.Map;

/** What a scheduler has the next free worker do. */
public sealed interface Assignment {

  /**
   * Run a new config, asked of the optimizer, at {@code budget} (null: the objective gets no fidelity value).
   * {@code notes} go on the trial (rung, bracket, why).
   */
  record Fresh(Double budget, Map<String, Object> notes) implements Assignment {
    public Fresh {
      notes = Map.copyOf(notes);
    }

    /** A new config at {@code fidelity}'s maximum, or with no fidelity value when the study has none. */
    public static Fresh atFullBudget(Fidelity fidelity) {
      return fidelity == null ? new Fresh(null, Map.of())
          : new Fresh(fidelity.max(), Map.of(Rungs.BUDGET, fidelity.value(fidelity.max())));
    }
  }

  /** Run {@code from}'s config again at the higher {@code budget}: it ranked among the best of its rung. */
  record Promote(Trial from, double budget, Map<String, Object> notes) implements Assignment {
    public Promote {
      notes = Map.copyOf(notes);
    }
  }

  /** Start nothing until a running trial ends (a synchronous rung is not complete yet). */
  record Wait(String why) implements Assignment {}
}
