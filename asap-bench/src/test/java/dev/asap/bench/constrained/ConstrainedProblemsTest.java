package dev.asap.bench.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each problem's published optimum and the share of the space that is infeasible. */
class ConstrainedProblemsTest {
  private static final int DRAWS = 10_000;
  /** The infeasible share of uniform draws each problem's Javadoc states, as a range for 10,000 draws. */
  private static final Map<String, double[]> INFEASIBLE = Map.of(
      "g04", new double[] {0.71, 0.75},
      "g08", new double[] {0.988, 0.994},
      "g09", new double[] {0.992, 0.997},
      "g12", new double[] {0.945, 0.958},
      "g24", new double[] {0.54, 0.58},
      "spring", new double[] {0.99, 0.995},
      "pressure-vessel", new double[] {0.58, 0.62},
      "welded-beam", new double[] {0.965, 0.98},
      "three-bar-truss", new double[] {0.76, 0.80},
      "gramacy-toy", new double[] {0.52, 0.56});

  @Test
  void theOptimalPointIsFeasibleAndReachesThePublishedOptimum() {
    for (ConstrainedProblem p : ConstrainedProblems.all()) {
      double[] x = p.optimalPoint();
      assertThat(p.violations(x)).as(p.name()).isEmpty();
      assertThat(p.space().config(configOf(p, x))).as(p.name()).isNotNull();
      assertThat(p.value(x)).as(p.name()).isCloseTo(p.optimum(), within(1e-9 * Math.max(1, Math.abs(p.optimum()))));
    }
  }

  @Test
  void uniformDrawsAreMostlyInfeasibleAsDocumentedAndNoneBeatsTheOptimum() {
    assertThat(ConstrainedProblems.all()).extracting(ConstrainedProblem::name)
        .containsExactlyInAnyOrderElementsOf(INFEASIBLE.keySet());
    for (ConstrainedProblem p : ConstrainedProblems.all()) {
      Random random = new Random(7);
      int infeasible = 0;
      for (int i = 0; i < DRAWS; i++) {
        double[] x = p.point(p.space().sample(random));
        if (p.isFeasible(x)) {
          assertThat(p.value(x)).as(p.name()).isGreaterThanOrEqualTo(p.optimum());
        } else {
          infeasible++;
        }
      }
      double[] range = INFEASIBLE.get(p.name());
      assertThat((double) infeasible / DRAWS).as(p.name()).isBetween(range[0], range[1]);
    }
  }

  @Test
  void aViolationNamesTheConstraintAndItsAmount() {
    ConstrainedProblem g08 = Cec2006Problems.g08();
    // x1² − x2 + 1 = 4 − 1 + 1 = 4 > 0; 1 − x1 + (x2 − 4)² = 1 − 2 + 9 = 8 > 0.
    assertThat(g08.violations(new double[] {2, 1})).containsExactly("g1 by 4.00", "g2 by 8.00");
    assertThat(new Inequality("nan", x -> Double.NaN).violation(new double[] {0})).isPositive();
  }

  @Test
  void thePressureVesselHasOrdinalThicknessesInSixteenthsOfAnInch() {
    ConstrainedProblem vessel = EngineeringDesignProblems.pressureVessel();
    assertThat(vessel.space().parameter("shell_thickness").cardinality()).isEqualTo(99);
    assertThat(vessel.space().cardinality()).isEqualTo(Long.MAX_VALUE);
    double[] x = vessel.point(vessel.space().sample(new Random(3)));
    double sixteenths = x[0] / EngineeringDesignProblems.INCH_SIXTEENTH;
    assertThat(sixteenths).isEqualTo(Math.rint(sixteenths)).isBetween(1.0, 99.0);
  }

  private static Map<String, Object> configOf(ConstrainedProblem p, double[] x) {
    Map<String, Object> raw = new java.util.LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      raw.put(p.space().parameters().get(i).name(), x[i]);
    }
    return raw;
  }
}
