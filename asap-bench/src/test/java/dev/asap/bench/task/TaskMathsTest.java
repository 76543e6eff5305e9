package dev.asap.bench.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMathsTest {

  @Test
  void normalisedRegretOnHandMadeNumbers() {
    assertThat(Regret.normalised(2, 0, 10)).isEqualTo(0.2);
    assertThat(Regret.normalised(-90, -100, -50)).isEqualTo(0.2);
    assertThat(Regret.normalised(-100, -100, -50)).isZero();
    assertThat(Regret.normalised(Double.POSITIVE_INFINITY, 0, 1)).isInfinite();
    assertThatThrownBy(() -> Regret.normalised(1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReferenceNormalisesOnlyWithAnOptimumBelowTheRandomMedian() {
    TaskReference r = new TaskReference("t", 1.0, 11, 60, 60, 1000);
    assertThat(r.normalises()).isTrue();
    assertThat(r.normalisedRegret(3.5)).isEqualTo(0.25);
    assertThat(new TaskReference("t", null, 11, 60, 60, 1000).normalisedRegret(3)).isNaN();
    assertThat(new TaskReference("t", 1.0, Double.NaN, Double.NaN, Double.NaN, 0).normalises()).isFalse();
    assertThat(new TaskReference("t", 1.0, Double.NaN, Double.NaN, Double.NaN, 0).hasCost()).isFalse();
  }

  @Test
  void syntheticTasksKeepTheFunctionsOptimaAndChargeAFixedCost() throws Exception {
    assertThat(SyntheticTasks.all()).hasSize(SyntheticFunctions.all().size());
    for (BenchmarkTask t : SyntheticTasks.all()) {
      assertThat(t.family()).isEqualTo("synthetic");
      assertThat(t.optimum()).isEqualTo(SyntheticFunctions.byName(t.name()).orElseThrow().optimum());
    }
    BenchmarkTask branin = SyntheticTasks.task(SyntheticFunctions.branin());
    Evaluation e = branin.objective().evaluate(branin.space().config(Map.of("x0", Math.PI, "x1", 2.275)),
        TrialContext.DETACHED);
    assertThat(e.value()).isCloseTo(branin.optimum(), within(1e-5));
    assertThat(e.costSeconds()).isEqualTo(SyntheticTasks.EVAL_SECONDS);
  }

  @Test
  void referencesComeFromAFixedSample() {
    BenchmarkTask branin = SyntheticTasks.task(SyntheticFunctions.branin());
    TaskReference r = References.of(branin, 200);
    assertThat(r.samples()).isEqualTo(200);
    assertThat(r.meanCost()).isEqualTo(60);
    assertThat(r.medianCost()).isEqualTo(60);
    assertThat(r.randomMedian()).isGreaterThan(branin.optimum());
    assertThat(References.estimate(branin, 200)).isEqualTo(r);
    TaskReference none = References.of(branin, 0);
    assertThat(none.randomMedian()).isNaN();
    assertThat(none.optimum()).isEqualTo(branin.optimum());
  }

  @Test
  void infeasibleDrawsCountOnlyTowardsTheInfeasibleShare() {
    // Feasible above 0.5, at 60 s; below, infeasible at 10 s: the median and costs see the upper half only.
    BenchmarkTask half = BenchmarkTask.minimising("half", "test", SearchSpace.of(FloatParameter.of("x", 0, 1)),
        (config, context) -> config.getDouble("x") < 0.5 ? Evaluation.infeasible("x below 0.5", 10.0)
            : Evaluation.withCost(config.getDouble("x"), 60), 0.5);
    TaskReference r = References.estimate(half, 2_000);
    assertThat(r.infeasibleShare()).isCloseTo(0.5, within(0.03));
    assertThat(r.samples()).isEqualTo((int) Math.round(2_000 * (1 - r.infeasibleShare())));
    assertThat(r.randomMedian()).isCloseTo(0.75, within(0.02));
    assertThat(r.meanCost()).isEqualTo(60);
    assertThat(References.estimate(SyntheticTasks.task(SyntheticFunctions.branin()), 100).infeasibleShare())
        .isZero();
    assertThat(new TaskReference("t", 1.0, 11, 60, 60, 1000).infeasibleShare()).isZero();
  }

  @Test
  void benchDataIsLookedForInTheEnvironmentThenUpwards() {
    Path wd = Path.of("/a/b/c");
    assertThat(BenchData.candidates(wd, "/data")).containsExactly(Path.of("/data"));
    assertThat(BenchData.candidates(wd, null)).containsExactly(Path.of("/a/b/c/shared/benchdata"),
        Path.of("/a/b/shared/benchdata"), Path.of("/a/shared/benchdata"), Path.of("/shared/benchdata"));
    assertThat(BenchData.missingMessage(wd, null)).contains("/a/b/shared/benchdata").contains(BenchData.ENV);
  }
}
