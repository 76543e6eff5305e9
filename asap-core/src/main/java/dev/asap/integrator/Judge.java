package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Proposal;
import java.util.List;

/** Picks, each round, the one proposal to evaluate among the pool's proposals, and says why. */
public interface Judge {

  String name();

  /** {@code candidates} is never empty; the verdict's index points into it. */
  Verdict choose(History history, List<Proposal> candidates);

  /**
   * Chooses with the pool's models' scores of every candidate at hand ({@code scores}: scoring tool → log-EI per
   * candidate); judges that do not use them decide as {@link #choose(History, List)} does.
   */
  default Verdict choose(History history, List<Proposal> candidates, java.util.Map<String, double[]> scores) {
    return choose(history, candidates);
  }
}
