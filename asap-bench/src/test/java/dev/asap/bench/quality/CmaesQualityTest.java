package dev.asap.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.study.Direction;
import dev.asap.study.Study;
import dev.asap.study.Trial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CMA-ES against random search on the bench suite (median best of seeds 0-4), and its proposal overhead.
 * Evolution strategies need more trials than Bayesian optimisation, so the bar is set at 100 trials.
 */
class CmaesQualityTest {
  static final int TRIALS = 100;
  static final int SEEDS = 5;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  static List<SyntheticFunction> suite() {
    return List.of(SyntheticFunctions.branin(), SyntheticFunctions.hartmann6(), SyntheticFunctions.rosenbrock(4),
        SyntheticFunctions.byName("mixed").orElseThrow());
  }

  /**
   * Functions on which {@code tool} cuts random search's median gap to the optimum at {@link #TRIALS} trials
   * to at most {@code ratio} of it; prints the medians at 50 and 100 trials.
   */
  static int wins(String tool, double ratio) {
    int wins = 0;
    for (SyntheticFunction f : suite()) {
      double toolBest = QualityRun.medianBest(tool, f, TRIALS, SEEDS);
      double randomBest = QualityRun.medianBest("random", f, TRIALS, SEEDS);
      boolean win = toolBest - f.optimum() <= ratio * (randomBest - f.optimum());
      System.out.printf("%-6s %-13s optimum %10.4f | 50 trials: %s %12.4f random %12.4f | 100 trials: %s %12.4f"
          + " random %12.4f | %s%n", tool, f.name(), f.optimum(), tool, QualityRun.medianBest(tool, f, 50, SEEDS),
          QualityRun.medianBest("random", f, 50, SEEDS), tool, toolBest, randomBest, win ? "win" : "no win");
      wins += win ? 1 : 0;
    }
    return wins;
  }

  /** A 10-D space with every parameter kind and nested conditions (as in the optimizer contract suite). */
  static final SearchSpace MIXED_10D = SearchSpace.builder()
      .add(FloatParameter.of("x", -5, 5))
      .add(FloatParameter.log("lr", 1e-5, 1))
      .add(new FloatParameter("frac", 0, 1, false, 0.05))
      .add(IntParameter.of("layers", 1, 6))
      .add(new IntParameter("units", 8, 1024, true))
      .add(OrdinalParameter.of("batch", 16L, 32L, 64L, 128L))
      .add(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"))
      .add(FloatParameter.of("momentum", 0, 1))
      .add(CategoricalParameter.of("nesterov", true, false))
      .add(FloatParameter.of("dampening", 0, 0.5))
      .when("momentum", "opt", "sgd", "rmsprop")
      .when("nesterov", "opt", "sgd")
      .when("dampening", "nesterov", false)
      .build();

  private static double mixedLoss(Config c) {
    double v = Math.pow(c.getDouble("x") - 1.3, 2) + Math.pow(Math.log10(c.getDouble("lr")) + 3, 2)
        + Math.abs(c.getDouble("frac") - 0.35) + Math.abs(c.getLong("layers") - 3) * 0.3
        + Math.abs(Math.log(c.getLong("units") / 128.0)) + (c.getLong("batch") == 64L ? 0 : 0.5);
    v += c.getString("opt").equals("adam") ? 0.4 : Math.pow(c.getDouble("momentum") - 0.9, 2);
    return v + (c.has("dampening") ? c.getDouble("dampening") : 0);
  }

  /**
   * Prints the mean time per proposal over trials 1-100 and 901-1,000 of a sequential study on
   * {@link #MIXED_10D}, after a 300-trial warm-up run for the JIT. Only the tool's own {@code propose} is
   * timed, as CPU time of the calling thread: on a shared machine wall-clock time mostly measures other
   * processes and the GC of the study's history.
   */
  static void overhead(String tool) {
    proposalSeconds(tool, 300, 7);
    double[] seconds = proposalSeconds(tool, 1_000, 1);
    double early = 0;
    double late = 0;
    for (int i = 0; i < 100; i++) {
      early += seconds[i];
      late += seconds[900 + i];
    }
    System.out.printf("%-6s mean proposal time on the 10-D mixed space: %.3f ms at 100 trials, %.3f ms at 1,000%n",
        tool, early / 100 * 1e3, late / 100 * 1e3);
  }

  private static double[] proposalSeconds(String toolName, int trials, long seed) {
    Study study = Study.createOrOpen(new InMemoryStore(), "overhead", MIXED_10D, Direction.MINIMIZE);
    Optimizer tool = Optimizers.create(toolName, MIXED_10D, seed);
    double[] seconds = new double[trials];
    int[] calls = {0};
    // Times the tool alone, inside the study's ask.
    Optimizer timed = new Optimizer() {
      @Override
      public String name() {
        return tool.name();
      }

      @Override
      public Proposal propose(History history) {
        long t0 = CPU.getCurrentThreadCpuTime();
        Proposal p = tool.propose(history);
        seconds[calls[0]++] = (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
        return p;
      }
    };
    for (int i = 0; i < trials; i++) {
      Trial t = study.ask(timed);
      study.tell(t.number(), mixedLoss(t.config()));
    }
    return seconds;
  }

  @Test
  void beatsRandomSearchOnAtLeastThreeOfFourFunctions() {
    // A win halves random search's gap to the optimum (measured: CMA-ES leaves 4-18% of the gap left by
    // correct uniform sampling on all four, so the bar holds whatever the baseline's seeding).
    assertThat(wins("cmaes", 0.5)).isGreaterThanOrEqualTo(3);
  }

  /** Measured and printed, not asserted: timings on a shared machine are too noisy to gate a build. */
  @Test
  void measuresProposalOverhead() {
    overhead("cmaes");
  }
}
