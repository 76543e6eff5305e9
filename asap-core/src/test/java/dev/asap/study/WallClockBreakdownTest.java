package dev.asap.study;

import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WallClockBreakdownTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));

  private static Trial trial(int number, TrialTimings timings, Map<String, Object> attributes) {
    return new Trial(number, SPACE.config(Map.of("x", 0.5)), TrialState.COMPLETE, 1.0, null, "asap", 0, "test",
        new TreeMap<>(), timings, 0, 1, 0, attributes);
  }

  /** A pool's serial pick, a speculated pick, and a plain tool's trial with an unreadable attribute. */
  private static List<Trial> trials() {
    return List.of(
        trial(0, new TrialTimings(2.5, 60, 0.01), Map.of("judge_seconds", 0.25, "latency_seconds", 2.0,
            "pool_seconds", 0.2, "tool_seconds", Map.of("gp", 0.15, "tpe", 0.05))),
        trial(1, new TrialTimings(0.1, 60, 0.02), Map.of("hidden_seconds", 2.4, "judge_seconds", 0.3,
            "latency_seconds", 2.0, "pool_seconds", 0.1, "tool_seconds", Map.of("gp", 0.1))),
        trial(2, new TrialTimings(0.001, 30, 0.03), Map.of("hidden_seconds", "soon", "judge_seconds", Double.NaN)));
  }

  @Test
  void sumsTimingsAndRecordedAttributes() {
    WallClockBreakdown b = WallClockBreakdown.of(trials());
    assertThat(b.evaluationSeconds()).isEqualTo(150.0);
    assertThat(b.paidSeconds()).isCloseTo(2.601, within(1e-12));
    assertThat(b.recordingSeconds()).isCloseTo(0.06, within(1e-12));
    assertThat(b.hiddenSeconds()).isEqualTo(2.4);
    assertThat(b.judgeSeconds()).isCloseTo(0.55, within(1e-12));
    assertThat(b.latencySeconds()).isEqualTo(4.0);
    assertThat(b.poolSeconds()).isCloseTo(0.3, within(1e-12));
    assertThat(b.toolSeconds().keySet()).containsExactly("gp", "tpe");
    assertThat(b.toolSeconds().get("gp")).isCloseTo(0.25, within(1e-12));
    assertThat(b.toolSeconds().get("tpe")).isEqualTo(0.05);
  }

  @Test
  void noTrialsIsNoTime() {
    WallClockBreakdown b = WallClockBreakdown.of(List.of());
    assertThat(b.evaluationSeconds() + b.paidSeconds() + b.hiddenSeconds() + b.recordingSeconds()).isZero();
    assertThat(b.toolSeconds()).isEmpty();
  }

  @Test
  void runsAddUpAndAverage() {
    WallClockBreakdown pool = WallClockBreakdown.of(trials().subList(0, 1));
    WallClockBreakdown speculated = WallClockBreakdown.of(trials().subList(1, 2));
    WallClockBreakdown mean = pool.plus(speculated).dividedBy(2);
    assertThat(mean.evaluationSeconds()).isEqualTo(60.0);
    assertThat(mean.paidSeconds()).isCloseTo(1.3, within(1e-12));
    assertThat(mean.hiddenSeconds()).isEqualTo(1.2);
    assertThat(mean.latencySeconds()).isEqualTo(2.0);
    assertThat(mean.toolSeconds().keySet()).containsExactly("gp", "tpe");
    assertThat(mean.toolSeconds().get("gp")).isCloseTo(0.125, within(1e-12));
    assertThat(mean.toolSeconds().get("tpe")).isEqualTo(0.025);
  }
}
