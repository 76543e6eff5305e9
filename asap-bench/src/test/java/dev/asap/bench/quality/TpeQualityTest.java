package dev.asap.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TPE against random search at 50 trials, median best over seeds 0–4 (fixed, so the test is deterministic).
 * "Better" means real superiority, not a lucky draw: TPE's median regret (best found minus the optimum) at
 * most half of random's.
 */
class TpeQualityTest {
  private static final int TRIALS = 50;
  private static final int SEEDS = 5;
  private static final double REGRET_RATIO = 0.5;

  @Test
  void beatsRandomSearchOnAtLeastThreeOfFourFunctions() {
    List<SyntheticFunction> functions = List.of(SyntheticFunctions.branin(), SyntheticFunctions.hartmann6(),
        SyntheticFunctions.rosenbrock(4), SyntheticFunctions.byName("mixed").orElseThrow());
    List<String> wins = new ArrayList<>();
    for (SyntheticFunction f : functions) {
      double tpe = QualityRun.medianBest("tpe", f, TRIALS, SEEDS) - f.optimum();
      double random = QualityRun.medianBest("random", f, TRIALS, SEEDS) - f.optimum();
      System.out.printf("%-14s regret  tpe %.5f  random %.5f%n", f.name(), tpe, random);
      if (tpe <= REGRET_RATIO * random) {
        wins.add(f.name());
      }
    }
    assertThat(wins).as("functions where TPE's regret is at most %s of random's", REGRET_RATIO)
        .hasSizeGreaterThanOrEqualTo(3);
  }
}
