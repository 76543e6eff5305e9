package dev.asap.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import java.util.List;
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
}
