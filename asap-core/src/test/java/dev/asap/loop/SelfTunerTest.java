package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfTunerTest {
  /** Stats after one period of resolved speculations, with the given sampled agreement. */
  private static SpeculationStats period(int accepted, int sampled, int identical, int equivalent) {
    SpeculationStats stats = new SpeculationStats();
    stats.accepted = accepted;
    stats.rejected = SelfTuner.PERIOD - accepted;
    stats.sampled = sampled;
    stats.equalToSerial = identical;
    stats.equivalentToSerial = equivalent;
    return stats;
  }

  private static double tauAfter(SpeculationStats stats) {
    SelfTuner tuner = new SelfTuner(0.1);
    tuner.observe(stats);
    return tuner.tau();
  }

  @Test
  void equivalentPicksCountAsAgreementEvenWhenNoneIsIdentical() {
    // Few accepted, all sampled picks equivalent though none bit-equal: τ is too strict and grows.
    SpeculationStats stats = period(3, 3, 0, 3);
    assertThat(tauAfter(stats)).isEqualTo(0.1 * 1.4);
    assertThat(stats.tauHistory()).hasSize(2);
  }

  @Test
  void picksThatAreNotEquivalentShrinkTau() {
    assertThat(tauAfter(period(6, 4, 1, 2))).isEqualTo(0.1 * 0.7);
  }

  @Test
  void agreementWithEnoughAcceptedPicksLeavesTauAlone() {
    SpeculationStats stats = period(6, 4, 1, 4);
    assertThat(tauAfter(stats)).isEqualTo(0.1);
    assertThat(stats.tauHistory()).hasSize(1);
  }

  @Test
  void tauMovesOnlyOncePerPeriod() {
    SelfTuner tuner = new SelfTuner(0.1);
    SpeculationStats stats = period(6, 4, 0, 0);
    tuner.observe(stats);
    tuner.observe(stats);
    assertThat(tuner.tau()).isEqualTo(0.1 * 0.7);
  }
}
