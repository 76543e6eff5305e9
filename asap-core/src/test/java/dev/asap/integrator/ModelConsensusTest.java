package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.tools.Optimizers;
import dev.asap.optimizer.gp.GpOptimizer;
import dev.asap.optimizer.random.RandomSearch;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelConsensusTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));

  @Test
  void ranksAreNormalisedAndAveragedOverModels() {
    double[] r = ModelConsensus.ranks(Map.of("a", new double[] {3, 1, 2}, "b", new double[] {1, 3, 2}), 3);
    assertThat(r).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-12));
    double[] one = ModelConsensus.ranks(Map.of("a", new double[] {-5, 0, -1}), 3);
    assertThat(one).containsExactly(new double[] {0, 1, 0.5}, within(1e-12));
  }

  @Test
  void gpScoresAnyConfigOnceItHasAModel() {
    Study study = Study.createOrOpen(new InMemoryStore(), "s", SPACE, Direction.MINIMIZE);
    GpOptimizer gp = new GpOptimizer(SPACE, 1);
    Config near = SPACE.config(Map.of("x", 0.31));
    Config far = SPACE.config(Map.of("x", 0.95));
    assertThat(gp.logExpectedImprovement(List.of(near, far))).isNull();
    for (int i = 0; i < 12; i++) {
      Trial t = study.ask(gp);
      study.tell(t.number(), Math.pow(t.config().getDouble("x") - 0.3, 2));
    }
    double[] s = gp.logExpectedImprovement(List.of(near, far));
    assertThat(s).hasSize(2);
    assertThat(s[0]).isFinite().isGreaterThan(s[1]);
  }

  @Test
  void oncePoolModelsCanScoreTheJudgeChoosesByThemAndRecordsWhy() {
    Study study = Study.createOrOpen(new InMemoryStore(), "s", SPACE, Direction.MINIMIZE);
    PoolOptimizer pool = new PoolOptimizer(new ToolPool(List.of(new SobolSearch(1, 2), new RandomSearch(2),
        new GpOptimizer(SPACE, 2))), new BuiltinJudge(2), 2);
    for (int i = 0; i < 14; i++) {
      Trial t = study.ask(pool);
      study.tell(t.number(), Math.pow(t.config().getDouble("x") - 0.3, 2));
    }
    Trial last = study.trials().get(13);
    assertThat(last.attributes().get("reason").toString()).startsWith("best by the trusted model's expected improvement");
    Map<?, ?> evidence = (Map<?, ?>) last.attributes().get("evidence");
    assertThat(evidence.get("trusted_model")).isEqualTo("gp");
    assertThat((List<?>) evidence.get("model_rank")).hasSize(3);
    assertThat(Optimizers.toolNames()).contains(last.tool());
    double best = study.trials().stream().mapToDouble(Trial::value).min().orElseThrow();
    assertThat(best).isLessThan(1e-3);
  }
}
