package dev.asap.optimizer.feasibility;

import dev.asap.optimizer.History;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.Random;

/**
 * Looking for configs that run at all, before there are enough of them to model the objective: the unseen
 * config most likely to be feasible among uniformly drawn candidates. Drawing the candidates at random keeps
 * successive picks apart; the model keeps them away from where configs failed to run.
 */
public final class FeasibleSearch {
  /** Candidates screened per proposal: enough to find the likely region, cheap next to an evaluation. */
  static final int CANDIDATES = 512;

  private FeasibleSearch() {}

  public static Config mostLikely(History history, FeasibilityModel feasibility, Random random) {
    SearchSpace space = history.space();
    Config best = null;
    double bestP = -1;
    for (int i = 0; i < CANDIDATES; i++) {
      Config c = space.sample(random);
      if (history.contains(c)) {
        continue;
      }
      double p = feasibility.probability(c);
      if (p > bestP) {
        best = c;
        bestP = p;
      }
    }
    return UnseenConfigs.orFresh(history, best == null ? space.sample(random) : best, random);
  }
}
