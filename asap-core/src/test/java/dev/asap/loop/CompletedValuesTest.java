package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompletedValuesTest {
  @Test
  void runningSummariesMatchTheOnesComputedFromAllValues() {
    CompletedValues values = new CompletedValues();
    List<Double> all = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      double v = random.nextInt(50) - 20 + random.nextDouble();
      values.add(v);
      all.add(v);
      List<Double> sorted = all.stream().sorted().toList();
      List<Double> recent = all.subList(Math.max(0, all.size() - CompletedValues.RECENT), all.size());
      assertThat(values.median()).isEqualTo(sorted.get(sorted.size() / 2));
      assertThat(values.recentMean()).isCloseTo(recent.stream().mapToDouble(Double::doubleValue).average()
          .orElseThrow(), within(1e-12));
      assertThat(values.min()).isEqualTo(sorted.get(0));
      assertThat(values.max()).isEqualTo(sorted.get(sorted.size() - 1));
    }
  }
}
