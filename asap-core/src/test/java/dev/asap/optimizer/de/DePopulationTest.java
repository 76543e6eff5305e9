package dev.asap.optimizer.de;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** DE selection and variation in isolation. */
class DePopulationTest {

  @Test
  void selectionReplacesTheTargetOnlyWhenTheTrialIsAtLeastAsGood() {
    Population p = new Population(4);
    double[] v0 = {0.1};
    p.place(0, v0, 1.0);
    assertThat(p.offer(0, new double[] {0.2}, 2.0)).isFalse();
    assertThat(p.vector(0)).isSameAs(v0);
    assertThat(p.offer(0, new double[] {0.3}, Double.POSITIVE_INFINITY)).isFalse();
    assertThat(p.offer(0, new double[] {0.4}, 0.5)).isTrue();
    assertThat(p.loss(0)).isEqualTo(0.5);
    // Ties are accepted (DEHB, Storn and Price): the population may drift along a plateau.
    assertThat(p.offer(0, new double[] {0.5}, 0.5)).isTrue();
    assertThat(p.vector(0)).containsExactly(0.5);
  }

  @Test
  void aSlotWithoutAResultTakesAnyCandidate() {
    Population p = new Population(4);
    p.place(1, new double[] {0.1}, Double.POSITIVE_INFINITY);
    assertThat(p.offer(1, new double[] {0.2}, 7.0)).isTrue();
  }

  @Test
  void trialVectorsStayInTheCubeAndTakeAtLeastOneMutantCoordinate() {
    for (Variation.Strategy s : Variation.Strategy.values()) {
      Variation v = new Variation(s);
      // Target 0 at the origin, every donor (and the best) at the far corner: any mutant coordinate differs.
      Population p = new Population(6);
      p.place(0, new double[5], 10);
      for (int i = 1; i < 6; i++) {
        p.place(i, new double[] {1, 1, 1, 1, 1}, i);
      }
      Random r = new Random(1);
      for (int k = 0; k < 200; k++) {
        double[] t = v.trial(p, 0, r);
        int changed = 0;
        for (double x : t) {
          assertThat(x).isBetween(0.0, 1.0);
          changed += x != 0 ? 1 : 0;
        }
        assertThat(changed).as("%s, draw %d", s, k).isPositive();
      }
    }
  }

  @Test
  void roundRobinPrefersFreeTargets() {
    Population p = new Population(4);
    assertThat(p.nextTarget()).isZero();
    p.addPending(1);
    assertThat(p.nextTarget()).isEqualTo(2);
    assertThat(p.nextTarget()).isEqualTo(3);
    assertThat(p.nextTarget()).isZero();
    assertThat(p.nextTarget()).isEqualTo(2);
  }
}
