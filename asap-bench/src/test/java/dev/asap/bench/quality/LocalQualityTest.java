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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local search tool against random search on the synthetic suite (seeds 0-4, 50 trials, median of the
 * best value), and its cost per proposal on a 10-parameter conditional space.
 */
class LocalQualityTest {
  private static final int TRIALS = 50;
  private static final int SEEDS = 5;
  /** Local search must leave at most this fraction of random search's regret to count as better. */
  private static final double REGRET_RATIO = 0.25;

  @Test
  void beatsRandomSearchClearlyOnMostOfTheSuite() {
    List<SyntheticFunction> suite = List.of(SyntheticFunctions.branin(), SyntheticFunctions.hartmann6(),
        SyntheticFunctions.rosenbrock(4), SyntheticFunctions.byName("mixed").orElseThrow());
    int wins = 0;
    StringBuilder table = new StringBuilder();
    for (SyntheticFunction f : suite) {
      double local = QualityRun.medianBest("local", f, TRIALS, SEEDS);
      double random = QualityRun.medianBest("random", f, TRIALS, SEEDS);
      double localRegret = local - f.optimum();
      double randomRegret = random - f.optimum();
      boolean win = localRegret <= REGRET_RATIO * randomRegret;
      wins += win ? 1 : 0;
      table.append(String.format("%-13s optimum %10.4f  local %12.4f (regret %10.4g)  random %12.4f (regret %10.4g)%s%n",
          f.name(), f.optimum(), local, localRegret, random, randomRegret, win ? "" : "  <- not 4x better"));
    }
    System.out.print(table);
    assertThat(wins).as("functions where local search leaves <= 1/4 of random's regret:%n%s", table)
        .isGreaterThanOrEqualTo(3);
  }

  /** Measured, not asserted: the machine running the suite may be shared. */
  @Test
  void reportsTheCostOfAProposal() {
    Study study = Study.createOrOpen(new InMemoryStore(), "overhead", MIXED10, Direction.MINIMIZE);
    Optimizer o = Optimizers.create("local", MIXED10, 1);
    for (int i = 0; i < 1_000; i++) {
      Trial t = study.ask(o);
      study.tell(t.number(), mixedLoss(t.config()));
    }
    List<Trial> trials = study.trials();
    for (int n : new int[] {100, 1_000}) {
      History h = new History(MIXED10, Direction.MINIMIZE, trials.subList(0, n));
      double inRun = trials.subList(n - 20, n).stream().mapToDouble(t -> t.timings().askSeconds()).average()
          .orElseThrow();
      for (int w = 0; w < 20; w++) {
        o.propose(h);
      }
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long wall0 = System.nanoTime();
      long cpu0 = cpu.getCurrentThreadCpuTime();
      int reps = 50;
      for (int w = 0; w < reps; w++) {
        Proposal p = o.propose(h);
        assertThat(p.prediction()).isNotNull();
      }
      System.out.printf("local proposal at %4d trials (10-D mixed space): %.2f ms wall, %.2f ms CPU (warm, mean of %d);"
          + " %.2f ms during the run%n", n, (System.nanoTime() - wall0) / 1e6 / reps,
          (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6 / reps, reps, inRun * 1e3);
    }
  }

  /** Every kind of parameter, conditions three levels deep (the contract suite's space). */
  private static final SearchSpace MIXED10 = SearchSpace.builder()
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
    String opt = c.getString("opt");
    if (opt.equals("adam")) {
      v += 0.4;
    } else if (opt.equals("sgd")) {
      v += Math.pow(c.getDouble("momentum") - 0.9, 2);
    } else {
      v += 0.8 + c.getDouble("momentum");
    }
    return c.has("dampening") ? v + c.getDouble("dampening") : v;
  }
}
