package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeculationPolicyTest {

  @Test
  void autoTurnsOnOnceProposingCostsAQuarterOfAnEvaluationAndSaysWhen() {
    SpeculationPolicy auto = new SpeculationPolicy(SpeculationMode.AUTO);
    for (int i = 0; i < SpeculationPolicy.WINDOW; i++) {
      assertThat(auto.speculateNow(i)).as("too few to measure").isFalse();
      auto.proposed(0.01);
      auto.evaluated(1.0);
    }
    assertThat(auto.speculateNow(5)).isFalse();
    assertThat(auto.summary()).isEqualTo("auto: off (proposing took 0.0100 s, 1.0 % of the median evaluation of 1.00 s; it turns on from 25 %)");
    for (int i = 0; i < SpeculationPolicy.WINDOW; i++) {
      auto.proposed(0.3);
      auto.evaluated(1.0);
    }
    assertThat(auto.speculateNow(12)).isTrue();
    assertThat(auto.summary()).isEqualTo("auto: on from trial 12 (proposing 0.300 s, 30 % of the median evaluation of 1.00 s)");
  }

  @Test
  void onAndOffDoWhatTheySayAndNeedNoSummary() {
    assertThat(new SpeculationPolicy(SpeculationMode.ON).speculateNow(0)).isTrue();
    assertThat(new SpeculationPolicy(SpeculationMode.OFF).speculateNow(100)).isFalse();
    assertThat(new SpeculationPolicy(SpeculationMode.ON).summary()).isNull();
  }
}
