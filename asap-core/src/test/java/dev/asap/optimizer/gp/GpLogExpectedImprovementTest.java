package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** log h(z) = log(φ(z) + zΦ(z)): exact where EI is representable, finite and accurate where it underflows. */
class GpLogExpectedImprovementTest {

  private static double naiveLogH(double z) {
    double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
    return Math.log(pdf + z * cdf);
  }

  @Test
  void matchesLogOfExpectedImprovementWhereItIsNotTiny() {
    for (double z = -5; z <= 6; z += 0.125) {
      assertThat(LogExpectedImprovement.logH(z)).as("z = %s", z).isCloseTo(naiveLogH(z), offset(1e-9));
    }
    // EI itself, for a point with mean 1, sd 2 against best 0.5.
    double mu = 1;
    double sd = 2;
    double best = 0.5;
    double z = (best - mu) / sd;
    double ei = (best - mu) * 0.5 * Erf.erfc(-z / Math.sqrt(2)) + sd * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    assertThat(LogExpectedImprovement.value(mu, sd, best)).isCloseTo(Math.log(ei), offset(1e-12));
  }

  @Test
  void staysFiniteAndAccurateWhereExpectedImprovementUnderflows() {
    // High-precision references (mpmath, 40 digits).
    double[][] reference = {{-5, -16.744301162660990143}, {-20, -206.91783850942509785},
        {-40, -808.29856835661996024}, {-100, -5010.1295788002497923}, {-1e4, -50000019.339619307157},
        {-1e6, -500000000028.54995965}};
    for (double[] ref : reference) {
      assertThat(LogExpectedImprovement.logH(ref[0])).as("z = %s", ref[0])
          .isCloseTo(ref[1], offset(1e-10 * Math.abs(ref[1])));
    }
    assertThat(naiveLogH(-40)).isEqualTo(Double.NEGATIVE_INFINITY);
    double previous = Double.NEGATIVE_INFINITY;
    for (double z = -1e9; z < 5; z = z < -10 ? z / 1.5 : z + 0.01) {
      double v = LogExpectedImprovement.logH(z);
      assertThat(v).isFinite().isGreaterThan(previous);
      previous = v;
    }
  }

  @Test
  void scaledComplementaryErrorFunctionIsContinuousAcrossItsBranches() {
    double[][] reference = {{5, 0.11070463773306862637}, {10, 0.056140992743822585858},
        {30, 0.018795888861416751497}, {1e3, 0.0005641893014533876542}, {1e6, 5.6418958354747419216e-7}};
    for (double[] ref : reference) {
      assertThat(LogExpectedImprovement.erfcx(ref[0])).isCloseTo(ref[1], offset(1e-14 * ref[1]));
    }
    double below = LogExpectedImprovement.erfcx(Math.nextDown(5.0));
    double at = LogExpectedImprovement.erfcx(5.0);
    assertThat(below).isCloseTo(at, offset(1e-13));
  }
}
