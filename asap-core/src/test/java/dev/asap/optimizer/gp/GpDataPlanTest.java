package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The refit schedule and the bounded training subsets. */
class GpDataPlanTest {

  @Test
  void refitsEveryTrialAtFirstThenEveryTenPercent() {
    for (int n = 6; n < 20; n++) {
      assertThat(DataPlan.fitPoint(n, 6)).isEqualTo(n);
    }
    int refits = 0;
    int previous = -1;
    for (int n = 1000; n <= 2000; n++) {
      int m = DataPlan.fitPoint(n, 6);
      assertThat(m).isLessThanOrEqualTo(n).isGreaterThan(n * 10 / 12);
      if (m != previous) {
        refits++;
        previous = m;
      }
    }
    assertThat(refits).isBetween(6, 9);
  }

  @Test
  void keepsTheBestAndTheLatestWithinTheCap() {
    Random r = new Random(5);
    double[] losses = new double[1000];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = r.nextDouble();
    }
    int[] rows = DataPlan.select(losses, 1000, 200);
    assertThat(rows).hasSize(200).isSorted();
    int argmin = 0;
    for (int i = 1; i < losses.length; i++) {
      argmin = losses[i] < losses[argmin] ? i : argmin;
    }
    assertThat(rows).contains(argmin, 999, 998);
  }

  @Test
  void posteriorRowsGrowByAppendingBetweenReselections() {
    Random r = new Random(6);
    double[] losses = new double[700];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = r.nextDouble();
    }
    int appended = 0;
    for (int n = 2; n < losses.length; n++) {
      int[] before = DataPlan.posteriorRows(losses, n);
      int[] after = DataPlan.posteriorRows(losses, n + 1);
      assertThat(after.length).isLessThanOrEqualTo(DataPlan.POSTERIOR_CAP + DataPlan.POSTERIOR_STEP);
      if (Arrays.equals(before, Arrays.copyOf(after, before.length))) {
        appended++;
      }
    }
    // Every step but the reselections (one in POSTERIOR_STEP beyond the cap) only appends.
    assertThat(appended).isGreaterThan(losses.length - 2 - (losses.length - DataPlan.POSTERIOR_CAP) / 30);
  }
}
