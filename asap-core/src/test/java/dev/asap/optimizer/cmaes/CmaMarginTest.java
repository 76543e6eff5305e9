package dev.asap.optimizer.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.IntParameter;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The margin correction keeps the probability of leaving the mean's value at least alpha. */
class CmaMarginTest {
  private static final NormalDistribution N = new NormalDistribution(0, 1);
  private static final double ALPHA = 0.05;

  private static Margin margin() {
    return new Margin(new Discretisation[] {Discretisation.of(IntParameter.of("k", 0, 9)), null}, ALPHA);
  }

  /** Probability that the encoded coordinate leaves the bin of the mean. */
  private static double leaving(Margin m, Gaussian g, int i) {
    Discretisation d = Discretisation.of(IntParameter.of("k", 0, 9));
    double mean = g.mean()[i];
    double s = m.scale(i) * g.sigma() * g.axisScale(i);
    double lo = d.lower(mean);
    double hi = d.upper(mean);
    double below = Double.isInfinite(lo) ? 0 : N.cumulativeProbability((lo - mean) / s);
    double above = Double.isInfinite(hi) ? 0 : 1 - N.cumulativeProbability((hi - mean) / s);
    return below + above;
  }

  @Test
  void widensAnInteriorValueThatStoppedMoving() {
    Margin m = margin();
    // Mean at the centre of value 4 of 0..9 with a step size far below the bin width 0.1.
    Gaussian g = new Gaussian(new double[] {0.45, 0.5}, 1e-4);
    assertThat(leaving(m, g, 0)).isLessThan(1e-12);
    m.correct(g);
    assertThat(leaving(m, g, 0)).isGreaterThanOrEqualTo(ALPHA - 1e-9);
    assertThat(m.scale(0)).isGreaterThan(1);
    assertThat(g.mean()[0]).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
    // Continuous dimensions are left alone.
    assertThat(m.scale(1)).isEqualTo(1);
    assertThat(g.mean()[1]).isEqualTo(0.5);
  }

  @Test
  void pullsAMeanAtAnEndValueTowardsTheRange() {
    Margin m = margin();
    Gaussian g = new Gaussian(new double[] {-0.3, 0.5}, 1e-3);
    m.correct(g);
    assertThat(leaving(m, g, 0)).isCloseTo(ALPHA, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(g.mean()[0]).isLessThan(0.1).isGreaterThan(0.09);
  }

  @Test
  void leavesAMovingDimensionAlone() {
    Margin m = margin();
    Gaussian g = new Gaussian(new double[] {0.45, 0.5}, 0.3);
    m.correct(g);
    assertThat(m.scale(0)).isEqualTo(1);
    assertThat(g.mean()[0]).isEqualTo(0.45);
  }

  @Test
  void encodesDiscreteCoordinatesThroughTheScaleAndBack() {
    Margin m = margin();
    Gaussian g = new Gaussian(new double[] {0.45, 0.5}, 1e-4);
    m.correct(g);
    double[] x = {0.4501, 0.7};
    double[] u = m.encode(x, g.mean());
    assertThat(u[1]).isEqualTo(0.7);
    assertThat(m.decode(u, g.mean())[0]).isCloseTo(0.4501, org.assertj.core.data.Offset.offset(1e-12));
  }
}
