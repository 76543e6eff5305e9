package dev.asap.optimizer.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TpeParzenEstimatorTest {
  private static final UnitDimension X = UnitDimension.of(FloatParameter.of("x", 0, 1));
  private static final UnitDimension LAYERS = UnitDimension.of(IntParameter.of("layers", 1, 5));
  private static final UnitDimension OPT = UnitDimension.of(CategoricalParameter.of("opt", "a", "b", "c"));
  private static final UnitDimension UNITS = UnitDimension.of(new IntParameter("units", 1, 12, true));

  @Test
  void defaultWeightsRampOlderObservationsOnceThereAreMoreThan25() {
    assertThat(ParzenEstimator.defaultWeights(10)).containsOnly(1.0).hasSize(10);
    double[] w = ParzenEstimator.defaultWeights(30);
    // Optuna: linspace(1/30, 1, 5) followed by 25 ones.
    assertThat(w[0]).isCloseTo(1.0 / 30, within(1e-12));
    assertThat(w[2]).isCloseTo((1.0 / 30 + 1) / 2, within(1e-12));
    assertThat(w[4]).isCloseTo(1.0, within(1e-12));
    for (int i = 5; i < 30; i++) {
      assertThat(w[i]).isEqualTo(1.0);
    }
    assertThat(ParzenEstimator.defaultWeights(26)[0]).isCloseTo(1.0 / 26, within(1e-12));
  }

  @Test
  void bandwidthFollowsScottsRuleWithinTheMagicClip() {
    assertThat(ParzenEstimator.bandwidth(10, 2)).isCloseTo(0.2 * Math.pow(10, -1.0 / 6), within(1e-12));
    // One observation: 0.2 is below the clip's minimum 1 / (1 + 1 + 1).
    assertThat(ParzenEstimator.bandwidth(1, 1)).isCloseTo(1.0 / 3, within(1e-12));
    // Many observations in one dimension: the clip's floor is 1/100.
    assertThat(ParzenEstimator.bandwidth(1_000_000_000, 1)).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void gridBinsDecodeToTheirOwnValue() {
    IntParameter units = new IntParameter("units", 1, 12, true);
    for (int j = 0; j < UNITS.size(); j++) {
      assertThat(units.fromUnit(UNITS.centre(j))).isEqualTo(1L + j);
      assertThat(UNITS.level(UNITS.lower(j) + 1e-9)).isEqualTo(j);
      assertThat(UNITS.level(UNITS.upper(j) - 1e-9)).isEqualTo(j);
    }
    FloatParameter frac = new FloatParameter("frac", 0, 1, false, 0.3);
    UnitDimension f = UnitDimension.of(frac);
    assertThat(f.size()).isEqualTo(4);
    for (int j = 0; j < 4; j++) {
      assertThat((Double) frac.fromUnit(f.lower(j) + 1e-9)).isCloseTo(0.3 * j, within(1e-12));
      assertThat((Double) frac.fromUnit(f.upper(j) - 1e-9)).isCloseTo(0.3 * j, within(1e-12));
    }
    assertThat(UnitDimension.of(OrdinalParameter.of("b", 1L, 2L, 4L)).kind()).isEqualTo(UnitDimension.Kind.DISCRETE);
    assertThat(UnitDimension.of(IntParameter.of("big", 0, 1_000_000)).kind())
        .isEqualTo(UnitDimension.Kind.CONTINUOUS);
  }

  @Test
  void mixedDensityIntegratesToOne() {
    UnitDimension[] dims = {X, LAYERS, OPT, UNITS};
    double[][] points = {
        {0.1, LAYERS.centre(0), OPT.centre(2), UNITS.centre(3)},
        {0.8, LAYERS.centre(4), OPT.centre(0), UNITS.centre(11)},
        {0.55, LAYERS.centre(2), OPT.centre(2), UNITS.centre(0)},
        {0.0, LAYERS.centre(1), OPT.centre(1), UNITS.centre(6)}};
    ParzenEstimator e = ParzenEstimator.fit(dims, points, 1.0);
    int grid = 400;
    int count = grid * 5 * 3 * 12;
    Candidates c = new Candidates(4, count);
    int i = 0;
    for (int a = 0; a < grid; a++) {
      for (int b = 0; b < 5; b++) {
        for (int o = 0; o < 3; o++) {
          for (int u = 0; u < 12; u++) {
            c.unit[0][i] = (a + 0.5) / grid;
            c.level[0][i] = -1;
            set(c, 1, i, LAYERS, b);
            set(c, 2, i, OPT, o);
            set(c, 3, i, UNITS, u);
            i++;
          }
        }
      }
    }
    double total = 0;
    for (double lp : e.logPdf(c)) {
      total += Math.exp(lp) / grid;
    }
    assertThat(total).isCloseTo(1, within(1e-4));
  }

  private static void set(Candidates c, int d, int i, UnitDimension dim, int level) {
    c.unit[d][i] = dim.centre(level);
    c.level[d][i] = level;
  }

  @Test
  void samplesFollowTheDensity() {
    UnitDimension[] dims = {X};
    ParzenEstimator e = ParzenEstimator.fit(dims, new double[][] {{0.2}, {0.25}, {0.9}}, 1.0);
    Candidates s = e.sample(new Random(5), 100_000);
    int bins = 10;
    double[] freq = new double[bins];
    for (int i = 0; i < s.count(); i++) {
      assertThat(s.unit[0][i]).isBetween(0.0, 1.0);
      freq[Math.min(bins - 1, (int) (s.unit[0][i] * bins))] += 1.0 / s.count();
    }
    int per = 1_000;
    Candidates grid = new Candidates(1, bins * per);
    for (int i = 0; i < grid.count(); i++) {
      grid.unit[0][i] = (i + 0.5) / grid.count();
      grid.level[0][i] = -1;
    }
    double[] lp = e.logPdf(grid);
    for (int b = 0; b < bins; b++) {
      double mass = 0;
      for (int i = b * per; i < (b + 1) * per; i++) {
        mass += Math.exp(lp[i]) / grid.count();
      }
      assertThat(freq[b]).as("bin %d", b).isCloseTo(mass, within(0.006));
    }
  }

  @Test
  void withoutObservationsOnlyThePriorRemains() {
    UnitDimension[] dims = {X, OPT};
    ParzenEstimator e = new ParzenEstimator(dims, new double[][] {{}, {}}, new int[][] {{}, {}}, 1.0);
    Candidates c = new Candidates(2, 2);
    c.unit[0][0] = 0.5;
    c.unit[0][1] = 0.5;
    c.level[1][0] = 0;
    c.level[1][1] = 2;
    double[] lp = e.logPdf(c);
    double prior = NumericKernel.logDensity(0.5, 0.5, 1.0, NumericKernel.logNormaliser(0.5, 1.0)) - Math.log(3);
    assertThat(lp[0]).isCloseTo(prior, within(1e-12));
    assertThat(lp[1]).isCloseTo(prior, within(1e-12));
  }
}
