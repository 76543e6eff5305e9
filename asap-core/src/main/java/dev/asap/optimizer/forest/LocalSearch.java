package dev.asap.optimizer.forest;

import java.util.Random;

/**
 * SMAC's local search on the acquisition function: from a start point, move to the first neighbour (in
 * random order) that scores strictly higher, until none does. A forest's acquisition is piecewise constant,
 * so up to ten sideways moves in a row onto equal scores are allowed to cross plateaus (SMAC's
 * n_steps_plateau_walk).
 */
final class LocalSearch {
  /** SMAC's n_steps_plateau_walk. */
  private static final int PLATEAU_STEPS = 10;
  /** A safety bound; climbs on a forest stop far earlier. */
  private static final int MAX_STEPS = 200;

  /** Scores points for the search. */
  interface Scorer {
    Candidate score(double[] unit, double[] features);

    /** Scores a point whose features differ from those of {@code from} in feature {@code changed} only. */
    default Candidate rescore(Candidate from, double[] unit, double[] features, int changed) {
      return score(unit, features);
    }
  }

  private final FeatureEncoder encoder;
  private final Neighbourhood neighbourhood;
  private final Scorer scorer;

  LocalSearch(FeatureEncoder encoder, Scorer scorer) {
    this.encoder = encoder;
    this.neighbourhood = new Neighbourhood(encoder);
    this.scorer = scorer;
  }

  /** Climbs from {@code start} to a local optimum of the acquisition and returns it. */
  Candidate climb(Candidate start, Random random) {
    Candidate current = start;
    int plateau = PLATEAU_STEPS;
    for (int step = 0; step < MAX_STEPS; step++) {
      Candidate better = null;
      Candidate equal = null;
      for (Neighbourhood.Move move : neighbourhood.of(current.unit(), current.features(), random)) {
        int i = move.index();
        double[] unit = move.applyTo(current.unit());
        double[] features = encoder.update(current.features(), unit, i);
        if (features[i] == current.features()[i]) {
          continue; // a step too small to change the value (ints, grids): the same config
        }
        Candidate next = encoder.isParent(i) ? scorer.score(unit, features)
            : scorer.rescore(current, unit, features, i);
        if (next.score() > current.score()) {
          better = next;
          break;
        }
        if (equal == null && next.score() == current.score()) {
          equal = next;
        }
      }
      if (better != null) {
        current = better;
        plateau = PLATEAU_STEPS;
      } else if (equal != null && plateau > 0) {
        plateau--;
        current = equal;
      } else {
        break;
      }
    }
    return current;
  }
}
