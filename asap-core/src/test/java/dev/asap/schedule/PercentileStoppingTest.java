package dev.asap.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.Config;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PercentileStoppingTest {

  private static List<Trial> finished(int n) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TreeMap<Long, Double> curve = new TreeMap<>();
      for (long step = 1; step <= 10; step++) {
        curve.put(step, i + 1.0 / step); // trial i converges to i
      }
      Config config = SchedulerTrials.SPACE.config(Map.of("x", i / 10.0));
      trials.add(new Trial(i, config, TrialState.COMPLETE, (double) i, null, "random", 0, "h:1", curve,
          TrialTimings.NONE, 0, 1, 0, Map.of()));
    }
    return trials;
  }

  @Test
  void stopsATrialWorseThanTheMedianAtTheSameStepAndSaysWhy() {
    PercentileStopping median = new PercentileStopping(50, 5, 0, null, Direction.MINIMIZE);
    TreeMap<Long, Double> reports = new TreeMap<>(Map.of(1L, 9.0, 2L, 8.0));

    var reason = median.stopReason(99, reports, finished(6));

    assertThat(reason).hasValueSatisfying(r -> assertThat(r)
        .contains("step 2").contains("8.00000").contains("median of 6 finished trials").contains("3.00000"));
  }

  @Test
  void letsAGoodTrialGoOnAndWaitsForEnoughTrialsAndTheWarmUp() {
    PercentileStopping median = new PercentileStopping(50, 5, 3, null, Direction.MINIMIZE);

    assertThat(median.stopReason(99, new TreeMap<>(Map.of(4L, 0.5)), finished(6))).isEmpty();
    assertThat(median.stopReason(99, new TreeMap<>(Map.of(2L, 50.0)), finished(6))).as("warm-up").isEmpty();
    assertThat(median.stopReason(99, new TreeMap<>(Map.of(4L, 50.0)), finished(4))).as("too few").isEmpty();
    assertThat(median.stopReason(99, new TreeMap<>(), finished(6))).as("no step reported").isEmpty();
  }

  @Test
  void aTwentyFifthPercentileKeepsOnlyTheBestQuarterWhenMaximising() {
    PercentileStopping top = new PercentileStopping(25, 5, 0, null, Direction.MAXIMIZE);
    // Maximising: trial i's curve ends near i, so the best quarter of 8 finished trials is above ~5.5.
    assertThat(top.stopReason(99, new TreeMap<>(Map.of(10L, 5.0)), finished(8))).isPresent();
    assertThat(top.stopReason(99, new TreeMap<>(Map.of(10L, 6.5)), finished(8))).isEmpty();
    assertThat(top.name()).isEqualTo("percentile");
  }
}
