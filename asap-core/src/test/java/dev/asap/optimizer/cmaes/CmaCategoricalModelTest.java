package dev.asap.optimizer.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CmaCategoricalModelTest {

  @Test
  void movesTowardsTheEliteAndKeepsTheFloor() {
    CategoricalModel q = new CategoricalModel(new int[] {3, 2});
    double[] weights = {0.7, 0.3, 0, 0};
    for (int g = 0; g < 50; g++) {
      q.update(List.of(new int[] {1, 0}, new int[] {1, -1}, new int[] {0, 1}, new int[] {2, 1}), weights);
    }
    // Two parameters: floor (1 - 0.73^(1/2)) / (K - 1).
    double floor3 = (1 - Math.sqrt(0.73)) / 2;
    double floor2 = 1 - Math.sqrt(0.73);
    assertThat(q.probability(0, 0)).isCloseTo(floor3, offset(1e-9));
    assertThat(q.probability(0, 2)).isCloseTo(floor3, offset(1e-9));
    assertThat(q.probability(0, 1)).isCloseTo(1 - 2 * floor3, offset(1e-9));
    // The second parameter only learns from the member where it is active.
    assertThat(q.probability(1, 1)).isCloseTo(floor2, offset(1e-9));
    assertThat(q.probability(1, 0) + q.probability(1, 1)).isCloseTo(1, offset(1e-12));
  }

  @Test
  void samplesInProportion() {
    CategoricalModel q = new CategoricalModel(new int[] {4});
    for (int g = 0; g < 30; g++) {
      q.update(List.of(new int[] {3}), new double[] {1});
    }
    Random r = new Random(1);
    int hits = 0;
    for (int i = 0; i < 10_000; i++) {
      hits += q.sample(r)[0] == 3 ? 1 : 0;
    }
    assertThat(hits / 10_000.0).isCloseTo(q.probability(0, 3), offset(0.02));
  }
}
