package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.optimizer.History;
import dev.asap.optimizer.HistoryDriver;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.tools.Optimizers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCreditTest {

  @Test
  void rewardIsOneForANewIncumbentAndFallsToZeroAtTheMedian() {
    List<Double> earlier = List.of(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(ToolCredit.reward(0.5, earlier)).isEqualTo(1);
    assertThat(ToolCredit.reward(1.0, earlier)).isEqualTo(1);
    assertThat(ToolCredit.reward(2.0, earlier)).isCloseTo(0.5, within(1e-12));
    assertThat(ToolCredit.reward(3.0, earlier)).isZero();
    assertThat(ToolCredit.reward(9.0, earlier)).isZero();
    assertThat(ToolCredit.reward(7.0, List.of())).isEqualTo(0.5);
  }

  @Test
  void scoringRoundByRoundEqualsScoringTheWholeHistoryAtOnce() {
    HistoryDriver driver = new HistoryDriver(MixedSpaceFixture.SPACE);
    var sobol = Optimizers.create("sobol", MixedSpaceFixture.SPACE, 1);
    var random = Optimizers.create("random", MixedSpaceFixture.SPACE, 2);
    ToolCredit incremental = new ToolCredit();
    Map<String, double[]> last = Map.of();
    for (int i = 0; i < 60; i++) {
      int n = driver.ask(i % 3 == 0 ? random : sobol);
      driver.tell(n, MixedSpaceFixture.loss(driver.config(n)));
      last = incremental.update(driver.history());
    }
    History all = driver.history();
    Map<String, double[]> once = new ToolCredit().update(all);
    assertThat(once.keySet()).containsExactlyInAnyOrder("sobol", "random");
    for (String tool : once.keySet()) {
      assertThat(last.get(tool)).containsExactly(once.get(tool), within(1e-12));
    }
  }
}
