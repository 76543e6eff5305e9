package dev.asap.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GP-BO against random search at 50 trials (median over seeds 0–4, so deterministic): on at least three of four
 * standard problems the GP must end at least ten times closer to the optimum than random search.
 */
class GpQualityTest {
  private static final int TRIALS = 50;
  private static final int SEEDS = 5;

  @Test
  void gpBeatsRandomSearchClearly() {
    List<SyntheticFunction> functions = List.of(SyntheticFunctions.branin(), SyntheticFunctions.hartmann6(),
        SyntheticFunctions.rosenbrock(4), SyntheticFunctions.byName("mixed").orElseThrow());
    int clearWins = 0;
    StringBuilder report = new StringBuilder();
    for (SyntheticFunction f : functions) {
      double gp = QualityRun.medianBest("gp", f, TRIALS, SEEDS);
      double random = QualityRun.medianBest("random", f, TRIALS, SEEDS);
      double gpGap = gp - f.optimum();
      double randomGap = random - f.optimum();
      if (gpGap <= randomGap / 10) {
        clearWins++;
      }
      report.append(String.format("%-13s gp %.6g (gap %.3g)  random %.6g (gap %.3g)%n", f.name(), gp, gpGap, random,
          randomGap));
    }
    System.out.print(report);
    assertThat(clearWins).as(report.toString()).isGreaterThanOrEqualTo(3);
  }
}
