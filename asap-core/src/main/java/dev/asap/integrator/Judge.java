package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Proposal;
import java.util.List;

/** Picks, each round, the one proposal to evaluate among the pool's proposals, and says why. */
public interface Judge {

  String name();

  /** {@code candidates} is never empty; the verdict's index points into it. */
  Verdict choose(History history, List<Proposal> candidates);
}
