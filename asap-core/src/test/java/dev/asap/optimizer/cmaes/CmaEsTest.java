package dev.asap.optimizer.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.HistoryDriver;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class CmaEsTest {

  private static SearchSpace cube(int n) {
    Parameter[] ps = new Parameter[n];
    for (int i = 0; i < n; i++) {
      ps[i] = FloatParameter.of("x" + i, 0, 1);
    }
    return SearchSpace.of(ps);
  }

  /** sum_i scale^(i / (n - 1)) (x_i - 0.3)^2: the sphere for scale 1, an ellipsoid of condition scale otherwise. */
  private static ToDoubleFunction<Config> ellipsoid(int n, double scale) {
    return c -> {
      double v = 0;
      for (int i = 0; i < n; i++) {
        double d = c.getDouble("x" + i) - 0.3;
        v += Math.pow(scale, i / (n - 1.0)) * d * d;
      }
      return v;
    };
  }

  @Test
  void convergesOnTheSphereIn5D() {
    CmaEs cma = new CmaEs(cube(5), 7);
    // From f ~ 0.1 at the centre; measured 1e-10 after about 700 evaluations for seeds 0-4.
    int used = new HistoryDriver(cube(5)).evaluationsToReach(cma, 1e-8, 1_000, ellipsoid(5, 1));
    assertThat(used).isPositive();
  }

  @Test
  void learnsAnIllConditionedEllipsoidIn5D() {
    // Condition number 1e6: only an adapted covariance gets to 1e-8 within 2,500 evaluations.
    CmaEs cma = new CmaEs(cube(5), 11);
    int used = new HistoryDriver(cube(5)).evaluationsToReach(cma, 1e-8, 2_500, ellipsoid(5, 1e6));
    assertThat(used).isPositive();
    assertThat(cma.restarts()).isZero();
  }

  @Test
  void restartsWithADoubledPopulation() {
    SearchSpace space = cube(3);
    CmaEs cma = new CmaEs(space, 3);
    int base = cma.populationSize();
    assertThat(base).isEqualTo(4 + (int) Math.floor(3 * Math.log(3)));
    HistoryDriver d = new HistoryDriver(space);
    // A flat objective: TolFun and stagnation fire after 10 + 30n/lambda generations.
    for (int i = 0; i < 2_000 && cma.restarts() < 2; i++) {
      int n = d.ask(cma);
      d.tell(n, 1.0);
      if (cma.restarts() == 1) {
        assertThat(cma.populationSize()).isEqualTo(2 * base);
      }
    }
    assertThat(cma.restarts()).isEqualTo(2);
    assertThat(cma.populationSize()).isEqualTo(4 * base);
  }

  @Test
  void restartsOnceConvergedSoTheBudgetIsNotWasted() {
    CmaEs cma = new CmaEs(cube(2), 5);
    HistoryDriver d = new HistoryDriver(cube(2));
    ToDoubleFunction<Config> sphere = ellipsoid(2, 1);
    for (int i = 0; i < 1_500 && cma.restarts() == 0; i++) {
      int n = d.ask(cma);
      d.tell(n, sphere.applyAsDouble(d.config(n)));
    }
    // TolX (1e-8 of the range) fires once the 2-D sphere is solved; the next run has twice the population.
    assertThat(cma.restarts()).isEqualTo(1);
    assertThat(cma.populationSize()).isEqualTo(2 * StrategyParameters.defaultLambda(2));
  }

  @Test
  void marginKeepsIntegerDimensionsMoving() {
    SearchSpace space = SearchSpace.of(IntParameter.of("a", 0, 10), IntParameter.of("b", 0, 10),
        IntParameter.of("c", 0, 10), FloatParameter.of("x", 0, 1));
    CmaEs cma = new CmaEs(space, 2);
    HistoryDriver d = new HistoryDriver(space);
    ToDoubleFunction<Config> f = c -> Math.pow(c.getLong("a") - 3, 2) + Math.pow(c.getLong("b") - 7, 2)
        + Math.pow(c.getLong("c") - 0, 2) + Math.pow(c.getDouble("x") - 0.4, 2);
    d.run(cma, 400, f);
    assertThat(cma.restarts()).as("still in the first run").isZero();
    // The float has converged (sigma is tiny), yet every integer still leaves its value now and then.
    assertThat(cma.currentRun().gaussian().sigma()).isLessThan(0.01);
    List<dev.asap.trial.Trial> last = d.trials().subList(300, 400);
    for (String p : List.of("a", "b", "c")) {
      Set<Long> values = new HashSet<>();
      last.forEach(t -> values.add(t.config().getLong(p)));
      assertThat(values).as("values of %s in the last 100 trials", p).hasSizeGreaterThan(1);
    }
    Config best = d.trials().stream().min((s, t) -> Double.compare(s.value(), t.value())).orElseThrow().config();
    assertThat(best.values()).containsEntry("a", 3L).containsEntry("b", 7L).containsEntry("c", 0L);
  }

  @Test
  void categoricalDistributionConcentratesOnTheBestChoice() {
    SearchSpace space = SearchSpace.of(CategoricalParameter.of("kind", "p", "q", "r", "s"),
        FloatParameter.of("x", 0, 1));
    CmaEs cma = new CmaEs(space, 4);
    HistoryDriver d = new HistoryDriver(space);
    d.run(cma, 150, c -> (c.getString("kind").equals("r") ? 0 : 1) + c.getDouble("x"));
    assertThat(cma.restarts()).isZero();
    CategoricalModel q = cma.currentRun().categories();
    // The floor (1 - 0.73) / 3 = 0.09 caps the winner at 0.73.
    assertThat(q.probability(0, 2)).isGreaterThan(0.65);
    for (int other : new int[] {0, 1, 3}) {
      assertThat(q.probability(0, other)).isLessThan(0.12).isGreaterThanOrEqualTo(0.09 - 1e-12);
    }
  }

  @Test
  void concurrentWorkersGetDistinctMembersAndAGenerationIsToldAtLambdaResults() {
    SearchSpace space = cube(3);
    CmaEs cma = new CmaEs(space, 8);
    HistoryDriver d = new HistoryDriver(space);
    int lambda = cma.populationSize();
    // lambda + 3 workers ask before anyone reports.
    Set<Config> asked = new HashSet<>();
    for (int i = 0; i < lambda + 3; i++) {
      asked.add(d.config(d.ask(cma)));
    }
    assertThat(asked).hasSize(lambda + 3);
    for (int n = 0; n < lambda; n++) {
      d.tell(n, n);
    }
    d.ask(cma);
    assertThat(cma.currentRun().gaussian().generation()).isEqualTo(1);
    assertThat(cma.currentRun().generation().results()).isZero();
    // The three late members of the told generation are injected into the next one.
    for (int n = lambda; n < lambda + 3; n++) {
      d.tell(n, n);
    }
    d.ask(cma);
    assertThat(cma.currentRun().generation().results()).isEqualTo(3);
  }

  @Test
  void failedMembersRankLastAndDoNotStallTheGeneration() {
    SearchSpace space = cube(2);
    CmaEs cma = new CmaEs(space, 9);
    HistoryDriver d = new HistoryDriver(space);
    int lambda = cma.populationSize();
    for (int i = 0; i < lambda; i++) {
      int n = d.ask(cma);
      if (i % 2 == 0) {
        d.fail(n);
      } else {
        d.tell(n, i);
      }
    }
    d.ask(cma);
    assertThat(cma.currentRun().gaussian().generation()).isEqualTo(1);
  }

  @Test
  void warmStartsFromTheBestTrialAlreadyInTheHistory() {
    SearchSpace space = SearchSpace.of(FloatParameter.of("x", 0, 10), FloatParameter.of("y", 0, 10),
        CategoricalParameter.of("k", "u", "v"));
    HistoryDriver d = new HistoryDriver(space);
    d.addForeign(space.config(Map.of("x", 9.0, "y", 1.0, "k", "v")), 0.5);
    d.addForeign(space.config(Map.of("x", 2.0, "y", 2.0, "k", "u")), 3.0);
    CmaEs cma = new CmaEs(space, 1);
    d.ask(cma);
    assertThat(cma.currentRun().gaussian().mean()).containsExactly(new double[] {0.9, 0.1},
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(cma.currentRun().categories().probability(0, 1)).isGreaterThan(0.5);
  }

  @Test
  void absorbsTrialsItDidNotProposeWhileRunning() {
    SearchSpace space = cube(2);
    CmaEs cma = new CmaEs(space, 6);
    HistoryDriver d = new HistoryDriver(space);
    int n = d.ask(cma);
    d.tell(n, 1.0);
    d.addForeign(space.config(Map.of("x0", 0.3, "x1", 0.3)), 0.0);
    d.ask(cma);
    assertThat(cma.currentRun().generation().results()).isEqualTo(2);
  }
}
