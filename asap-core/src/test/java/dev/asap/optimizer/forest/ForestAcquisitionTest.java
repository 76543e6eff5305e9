package dev.asap.optimizer.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.Random;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** Expected improvement, the loss transform and the local search that maximises the acquisition. */
class ForestAcquisitionTest {

  @Test
  void normalDistributionFunctionIsAccurateInBothTails() {
    for (double x = -30; x <= 8; x += 0.37) {
      double exact = 0.5 * Erf.erfc(-x / Math.sqrt(2));
      assertThat(ExpectedImprovement.cdf(x)).as("x = %s", x).isCloseTo(exact, within(1e-12 * exact + 1e-300));
    }
  }

  @Test
  void logExpectedImprovementMatchesTheClosedForm() {
    double a = Math.log(0.2);
    ExpectedImprovement ei = new ExpectedImprovement(a);
    double[][] cases = {{-1.0, 0.3}, {-2.0, 0.05}, {-1.2, 1.5}, {0.0, 0.4}, {-4.0, 0.2}};
    for (double[] c : cases) {
      double m = c[0];
      double s = Math.sqrt(c[1]);
      double v = (a - m) / s;
      double closed = Math.exp(a) * phi(v) - Math.exp(m + 0.5 * s * s) * phi(v - s);
      assertThat(Math.exp(ei.logValue(m, c[1]))).as("m=%s v=%s", m, c[1]).isCloseTo(closed, within(1e-9 * closed));
    }
  }

  @Test
  void logExpectedImprovementStillRanksFarFromTheIncumbent() {
    ExpectedImprovement ei = new ExpectedImprovement(-5);
    // Plain EI underflows to 0 for both; the logarithm keeps the order: closer and more uncertain is better.
    double far = ei.logValue(20, 0.01);
    double farther = ei.logValue(25, 0.01);
    double wider = ei.logValue(20, 0.04);
    assertThat(far).isFinite();
    assertThat(far).isGreaterThan(farther);
    assertThat(wider).isGreaterThan(far);
    // Predicted exactly (zero variance) and worse than the incumbent: still finite.
    assertThat(ei.logValue(-4, 0)).isFinite();
  }

  private static double phi(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  @Test
  void lossTransformIsSmacsLogScalingAndInverts() {
    double[] losses = {-3.2, -1.0, 0.5, 4.0, 10.0};
    LossTransform t = LossTransform.fit(losses);
    assertThat(t.forward(10.0)).isCloseTo(0, within(1e-12));
    for (double loss : losses) {
      assertThat(t.inverse(t.forward(loss))).isCloseTo(loss, within(1e-9));
    }
    // Monotone, and it stretches the good end: the two best losses are further apart than the two worst.
    assertThat(t.forward(-1.0) - t.forward(-3.2)).isGreaterThan(t.forward(10.0) - t.forward(4.0));
    // A flat history maps to 0 and back.
    LossTransform flat = LossTransform.fit(new double[] {2, 2, 2});
    assertThat(flat.forward(2)).isZero();
    assertThat(flat.inverse(0)).isEqualTo(2);
  }

  @Test
  void localSearchClimbsToTheAcquisitionsOptimum() {
    SearchSpace space = SearchSpace.of(FloatParameter.of("x", 0, 1), CategoricalParameter.of("c", "a", "b", "c"));
    FeatureEncoder encoder = new FeatureEncoder(space);
    // Best at x = 0.3 and category "c" (index 2).
    LocalSearch.Scorer scorer = (u, f) -> new Candidate(u, f, -Math.abs(f[0] - 0.3) - (f[1] == 2 ? 0 : 1), null);
    LocalSearch search = new LocalSearch(encoder, scorer);
    double[] unit = {0.95, 0.1};
    Candidate start = scorer.score(unit, encoder.features(unit));
    Candidate end = search.climb(start, new Random(4));
    assertThat(end.features()[1]).isEqualTo(2);
    assertThat(end.features()[0]).isCloseTo(0.3, within(0.15));
    assertThat(end.score()).isGreaterThan(start.score());
  }
}
