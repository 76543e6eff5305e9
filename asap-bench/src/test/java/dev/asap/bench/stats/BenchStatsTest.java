package dev.asap.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenchStatsTest {

  @Test
  void quantilesInterpolateLinearlyAndIgnoreNaN() {
    double[] v = {4, 1, 3, 2, Double.NaN};
    assertThat(Quantiles.median(v)).isEqualTo(2.5);
    assertThat(Quantiles.quantile(v, 0.25)).isEqualTo(1.75);
    assertThat(Quantiles.quantile(v, 0.75)).isEqualTo(3.25);
    assertThat(Quantiles.median(new double[] {7})).isEqualTo(7);
    assertThat(Quantiles.median(new double[0])).isNaN();
    assertThat(Quantiles.mean(new double[] {1, Double.NaN, 3})).isEqualTo(2);
  }

  @Test
  void infinityTakesPartInQuantiles() {
    assertThat(Quantiles.median(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}))
        .isInfinite();
    assertThat(Quantiles.quantile(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.25)).isEqualTo(1.5);
  }

  @Test
  void ranksShareTiesAndPutNaNLast() {
    assertThat(Ranks.of(new double[] {0.3, 0.1, 0.3, 0.2})).containsExactly(3.5, 1, 3.5, 2);
    assertThat(Ranks.of(new double[] {Double.NaN, 5, Double.POSITIVE_INFINITY})).containsExactly(3, 1, 2);
    assertThat(Ranks.of(new double[] {Double.NaN, Double.NaN})).containsExactly(1.5, 1.5);
  }

  @Test
  void meanRanksAverageOverBlocks() {
    double[][] scores = {{1, 2, 3}, {3, 2, 1}, {1, 1, 5}};
    assertThat(Ranks.mean(scores)).containsExactly((1 + 3 + 1.5) / 3, (2 + 2 + 1.5) / 3, (3 + 1 + 3) / 3.0);
  }

  @Test
  void friedmanOnAConsistentOrdering() {
    // Four tasks, the same order every time: mean ranks 1, 2, 3; chi2 = 12*4/(3*4) * (14 - 12) = 8;
    // with 2 degrees of freedom p = exp(-8/2).
    double[][] scores = {{1, 2, 3}, {0.1, 0.5, 0.9}, {10, 20, 30}, {-3, -2, -1}};
    Friedman f = Friedman.test(scores);
    assertThat(f.meanRanks()).containsExactly(1, 2, 3);
    assertThat(f.chiSquare()).isCloseTo(8, within(1e-12));
    assertThat(f.pValue()).isCloseTo(Math.exp(-4), within(1e-9));
    assertThat(f.criticalDifference()).isCloseTo(2.343 * Math.sqrt(0.5), within(1e-9));
    assertThat(f.differ(0, 2)).isTrue();
    assertThat(f.differ(0, 1)).isFalse();
  }

  @Test
  void friedmanWithoutDifferencesHasPOne() {
    double[][] scores = {{1, 2}, {2, 1}};
    Friedman f = Friedman.test(scores);
    assertThat(f.chiSquare()).isZero();
    assertThat(f.pValue()).isCloseTo(1, within(1e-12));
    assertThatThrownBy(() -> Friedman.test(new double[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nemenyiCriticalDifferenceMatchesDemsarsTable() {
    // Demšar (2006), table 5(a): q_0.05 for k = 2..10.
    double[] q = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    for (int k = 2; k <= 10; k++) {
      assertThat(Friedman.criticalDifference(k, 6)).isCloseTo(q[k - 2] * Math.sqrt(k * (k + 1) / 36.0),
          within(1e-9));
    }
    assertThat(Friedman.criticalDifference(21, 6)).isNaN();
  }
}
