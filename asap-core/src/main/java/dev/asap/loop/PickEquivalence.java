package dev.asap.loop;

import dev.asap.optimizer.CandidateScorer;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.space.SearchSpace;
import java.util.List;
import java.util.Objects;

/**
 * Whether a speculative pick is practically the pick the serial path would have made. Model-based tools
 * optimise an acquisition function over continuous coordinates, so a slightly different value for one trial
 * moves the optimum a little and the two configs are almost never bit-equal. Equivalent means: the same
 * proposing tool, the same active parameters, the same categorical choices, and every other coordinate of
 * the unit-cube encoding within {@link #TOLERANCE} of the other.
 *
 * <p>0.05 of the cube's side is 5 % of a parameter's range (of its log-range when log-scaled): well inside
 * the length scales the models fit on a handful of dimensions, and less than one step of an integer or
 * ordinal parameter with up to 20 values, which must then be equal. The bound is per coordinate (L∞) so that
 * it does not loosen as the dimension grows, as a Euclidean radius would.
 *
 * <p>Position is a proxy, and a poor one for a GP: a value a few per cent off can move the acquisition's
 * argmax to another basin of equal worth. So a pick also agrees when the serial path's own model, fitted on the
 * real result, expects at least {@link #EI_SHARE} of the improvement from it that it expects from its own pick
 * ({@link #asGoodUnderModel}): the speculative pick then costs the run at most half of one trial's expected gain.
 */
final class PickEquivalence {
  static final double TOLERANCE = 0.05;
  static final double EI_SHARE = 0.5;

  private PickEquivalence() {}

  static boolean equivalent(SearchSpace space, Proposal a, Proposal b) {
    if (!Objects.equals(a.tool(), b.tool())) {
      return false;
    }
    double[] x = space.encode(a.config());
    double[] y = space.encode(b.config());
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        if (Double.isNaN(x[i]) != Double.isNaN(y[i])) {
          return false;
        }
      } else if (space.parameters().get(i).isCategorical() ? x[i] != y[i] : Math.abs(x[i] - y[i]) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code serialModel}, having just proposed {@code serial}, expects at least {@link #EI_SHARE} of
   * the serial pick's improvement from {@code accepted}; false when the model cannot score configs.
   */
  static boolean asGoodUnderModel(Optimizer serialModel, Proposal serial, Proposal accepted) {
    if (!(serialModel instanceof CandidateScorer scorer)) {
      return false;
    }
    double[] logEi = scorer.logExpectedImprovement(List.of(serial.config(), accepted.config()));
    return logEi != null && Double.isFinite(logEi[0]) && logEi[1] >= logEi[0] + Math.log(EI_SHARE);
  }
}
