package dev.asap.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void consecutiveTrialIndicesGiveUncorrelatedFirstDraws() {
    // The first draws of java.util.Random for seeds 0..99 span a tiny interval; mixed seeds cover [0, 1).
    double rawMin = 1;
    double rawMax = 0;
    double mixedMin = 1;
    double mixedMax = 0;
    for (int i = 0; i < 100; i++) {
      double raw = new Random(i).nextDouble();
      double mixed = Seeds.random(7, i).nextDouble();
      rawMin = Math.min(rawMin, raw);
      rawMax = Math.max(rawMax, raw);
      mixedMin = Math.min(mixedMin, mixed);
      mixedMax = Math.max(mixedMax, mixed);
    }
    assertThat(rawMax - rawMin).isLessThan(0.1);
    assertThat(mixedMin).isLessThan(0.05);
    assertThat(mixedMax).isGreaterThan(0.95);
  }

  @Test
  void isDeterministicAndOrderSensitive() {
    assertThat(Seeds.mix(1, 2)).isEqualTo(Seeds.mix(1, 2)).isNotEqualTo(Seeds.mix(2, 1));
  }
}
