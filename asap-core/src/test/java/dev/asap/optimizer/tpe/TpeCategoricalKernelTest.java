package dev.asap.optimizer.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TpeCategoricalKernelTest {

  @Test
  void observedChoiceGetsOnePlusPriorSpreadAndOthersTheSpread() {
    // Optuna: 4 observations + prior = 5 kernels, prior weight 1 -> 0.2 on each of 3 choices, +1 on the observed.
    CategoricalKernel k = new CategoricalKernel(3, 4, 1.0);
    assertThat(k.probability(1, 1)).isCloseTo(1.2 / 1.6, within(1e-12));
    assertThat(k.probability(1, 0)).isCloseTo(0.2 / 1.6, within(1e-12));
    assertThat(k.probability(1, 2)).isCloseTo(0.2 / 1.6, within(1e-12));
    assertThat(k.probability(-1, 2)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void everyKernelIsADistribution() {
    for (int choices : new int[] {1, 2, 5}) {
      for (int observations : new int[] {0, 1, 30}) {
        CategoricalKernel k = new CategoricalKernel(choices, observations, 1.0);
        for (int observed = -1; observed < choices; observed++) {
          double total = 0;
          for (int v = 0; v < choices; v++) {
            total += k.probability(observed, v);
          }
          assertThat(total).isCloseTo(1, within(1e-12));
        }
      }
    }
  }

  @Test
  void samplingFollowsTheWeights() {
    CategoricalKernel k = new CategoricalKernel(4, 9, 1.0);
    Random random = new Random(3);
    int[] counts = new int[4];
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      counts[k.sample(random, 2)]++;
    }
    for (int v = 0; v < 4; v++) {
      assertThat(counts[v] / (double) n).as("choice %d", v).isCloseTo(k.probability(2, v), within(0.005));
    }
  }
}
