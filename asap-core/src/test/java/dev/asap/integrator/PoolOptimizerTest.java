package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
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

class PoolOptimizerTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1));

  /** A tool with a bug: the pool must carry on without it. */
  private static final Optimizer BROKEN = new Optimizer() {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Proposal propose(History history) {
      throw new IllegalStateException("matrix not positive definite");
    }
  };

  /** A tool that always proposes close to the optimum of {@link #loss}: the judge should learn to prefer it. */
  private static Optimizer oracle() {
    return new Optimizer() {
      @Override
      public String name() {
        return "oracle";
      }

      @Override
      public Proposal propose(History history) {
        java.util.Random r = new java.util.Random(history.size());
        Config c = SPACE.config(Map.of("x", 0.5 + 0.02 * (r.nextDouble() - 0.5), "y", 0.5));
        return new Proposal(c, name(), null, 0);
      }
    };
  }

  private static double loss(Config c) {
    return Math.abs(c.getDouble("x") - 0.5) + Math.abs(c.getDouble("y") - 0.5);
  }

  private static List<Trial> run(Optimizer o, int n) {
    Study study = Study.createOrOpen(new InMemoryStore(), "pool", SPACE, Direction.MINIMIZE);
    for (int i = 0; i < n; i++) {
      Trial t = study.ask(o);
      study.tell(t.number(), loss(t.config()));
    }
    return study.trials();
  }

  @Test
  @SuppressWarnings("unchecked")
  void recordsTheChoiceTheReasonAndTheAlternatives() {
    PoolOptimizer pool = new PoolOptimizer(new ToolPool(List.of(new SobolSearch(2, 1), new RandomSearch(2))),
        new BuiltinJudge(1), 1);
    List<Trial> trials = run(pool, 12);
    Trial first = trials.get(0);
    assertThat(first.tool()).isEqualTo("sobol");
    assertThat(first.attributes()).containsEntry("optimizer", "asap").containsEntry("judge", "builtin");
    assertThat((String) first.attributes().get("reason")).startsWith("initial design");
    assertThat((List<?>) first.attributes().get("alternatives")).hasSize(1);
    assertThat((Map<String, Object>) first.attributes().get("tool_seconds")).containsKeys("sobol", "random");
    Trial late = trials.get(11);
    assertThat((String) late.attributes().get("reason")).startsWith("Thompson sampling");
    assertThat((Map<String, Object>) ((Map<?, ?>) late.attributes().get("evidence")).get("draws")).containsKeys("sobol",
        "random");
  }

  @Test
  void aFailingToolIsLeftOutAndReported() {
    PoolOptimizer pool = new PoolOptimizer(new ToolPool(List.of(BROKEN, new RandomSearch(3))), new BuiltinJudge(3),
        3);
    List<Trial> trials = run(pool, 3);
    assertThat(trials).allMatch(t -> t.tool().equals("random"));
    assertThat((List<?>) trials.get(0).attributes().get("tool_failures")).singleElement().asString()
        .contains("broken").contains("matrix not positive definite");
  }

  @Test
  void creditSteersTheJudgeTowardsTheToolThatKeepsWinning() {
    PoolOptimizer pool = new PoolOptimizer(new ToolPool(List.of(new SobolSearch(2, 5), new RandomSearch(5),
        oracle())), new BuiltinJudge(5), 5);
    List<Trial> trials = run(pool, 60);
    long oracleLate = trials.subList(30, 60).stream().filter(t -> t.tool().equals("oracle")).count();
    assertThat(oracleLate).isGreaterThan(20);
  }

  @Test
  void isReproducible() {
    List<Config> a = run(new PoolOptimizer(new ToolPool(List.of(new SobolSearch(2, 4), new RandomSearch(4))),
        new BuiltinJudge(4), 4), 20).stream().map(Trial::config).toList();
    List<Config> b = run(new PoolOptimizer(new ToolPool(List.of(new SobolSearch(2, 4), new RandomSearch(4))),
        new BuiltinJudge(4), 4), 20).stream().map(Trial::config).toList();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void theRandomToolJudgeIgnoresCreditAndSaysSo() {
    PoolOptimizer pool = new PoolOptimizer("asap-random-judge", new ToolPool(List.of(new SobolSearch(2, 5),
        new RandomSearch(5), oracle())), new RandomToolJudge(5), 5);
    List<Trial> trials = run(pool, 60);
    java.util.Map<String, Long> picks = trials.stream().collect(java.util.stream.Collectors.groupingBy(Trial::tool,
        java.util.stream.Collectors.counting()));
    // Uniform over three tools: each gets about 20 of 60; the built-in judge gives the oracle most late picks.
    assertThat(picks.keySet()).containsExactlyInAnyOrder("sobol", "random", "oracle");
    assertThat(picks.values()).allMatch(n -> n >= 10 && n <= 30);
    assertThat(trials.get(0).attributes()).containsEntry("optimizer", "asap-random-judge")
        .containsEntry("judge", "random-tool");
    assertThat((String) trials.get(0).attributes().get("reason")).startsWith("picked uniformly at random among 3");
  }

  @Test
  void theModelsForecastThroughAConstraintGuard() {
    // Declared constraints wrap every tool in a guard: the models' forecasts must still reach the judge.
    SearchSpace constrained = SPACE.withConstraints(List.of("x + y <= 1.5"));
    Study study = Study.createOrOpen(new InMemoryStore(), "guarded", constrained, Direction.MINIMIZE);
    Optimizer pool = dev.asap.tools.Optimizers.pool(constrained, 3);
    for (int i = 0; i < 25; i++) {
      Trial t = study.ask(pool);
      study.tell(t.number(), Math.pow(t.config().getDouble("x") - 0.3, 2) + t.config().getDouble("y"));
    }
    Map<?, ?> evidence = (Map<?, ?>) study.trials().get(24).attributes().get("evidence");
    assertThat(((Map<?, ?>) evidence.get("model_log_loss")).keySet()).hasSize(3).allMatch(k -> List.of("gp", "forest", "tpe").contains(k));
  }
}
