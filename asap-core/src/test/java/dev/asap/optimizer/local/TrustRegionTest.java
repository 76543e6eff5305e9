package dev.asap.optimizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustRegionTest {

  @Test
  void startsWithTuRBOsDefaults() {
    TrustRegion r = new TrustRegion(2);
    assertThat(r.length()).isEqualTo(0.8);
    assertThat(r.failureTolerance()).isEqualTo(4);
    assertThat(new TrustRegion(10).failureTolerance()).isEqualTo(10);
  }

  @Test
  void expandsAfterThreeConsecutiveSuccessesUpToTheMaximum() {
    TrustRegion r = new TrustRegion(3);
    r.record(true);
    r.record(true);
    assertThat(r.length()).isEqualTo(0.8);
    r.record(true);
    assertThat(r.length()).isEqualTo(1.6);
    for (int i = 0; i < 3; i++) {
      r.record(true);
    }
    assertThat(r.length()).isEqualTo(TrustRegion.MAX_LENGTH);
  }

  @Test
  void aFailureBreaksASuccessStreak() {
    TrustRegion r = new TrustRegion(3);
    r.record(true);
    r.record(true);
    r.record(false);
    r.record(true);
    assertThat(r.length()).isEqualTo(0.8);
  }

  @Test
  void shrinksAfterMaxOf4AndDFailures() {
    TrustRegion r = new TrustRegion(6);
    for (int i = 0; i < 5; i++) {
      r.record(false);
    }
    assertThat(r.length()).isEqualTo(0.8);
    r.record(false);
    assertThat(r.length()).isEqualTo(0.4);
  }

  @Test
  void aSuccessBreaksAFailureStreak() {
    TrustRegion r = new TrustRegion(2);
    for (int i = 0; i < 3; i++) {
      r.record(false);
    }
    r.record(true);
    for (int i = 0; i < 3; i++) {
      r.record(false);
    }
    assertThat(r.length()).isEqualTo(0.8);
  }

  @Test
  void collapsesBelowTheMinimumAfterSevenHalvingsAndRestartsAtTheInitialLength() {
    TrustRegion r = new TrustRegion(2);
    // 0.8 / 2^6 = 0.0125 is still above 2^-7 = 0.0078; the 7th halving (28th failure) collapses the region.
    for (int i = 1; i < 28; i++) {
      assertThat(r.record(false)).as("failure %d", i).isFalse();
    }
    assertThat(r.record(false)).isTrue();
    assertThat(r.length()).isLessThan(TrustRegion.MIN_LENGTH);
    r.reset();
    assertThat(r.length()).isEqualTo(TrustRegion.INITIAL_LENGTH);
    assertThat(r.record(false)).isFalse();
  }

  @Test
  void successNeedsTuRBOsRelativeMargin() {
    assertThat(TrustRegion.isSuccess(0.9995, 1.0)).isFalse();
    assertThat(TrustRegion.isSuccess(0.998, 1.0)).isTrue();
    assertThat(TrustRegion.isSuccess(-3.002, -3.0)).isFalse();
    assertThat(TrustRegion.isSuccess(-3.004, -3.0)).isTrue();
    assertThat(TrustRegion.isSuccess(-1e-9, 0.0)).isTrue();
  }
}
