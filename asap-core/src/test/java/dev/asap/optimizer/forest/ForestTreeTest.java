package dev.asap.optimizer.forest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForestTreeTest {
  /** Every sample once, every feature tried: a plain CART tree. */
  private static final ForestSettings PLAIN = new ForestSettings(1, false, 3, 3, 1.0, 1 << 20);

  private static RegressionTree fit(double[][] rows, double[] y, int[] cardinality) {
    int[] weights = new int[y.length];
    Arrays.fill(weights, 1);
    return RegressionTree.fit(new TrainingData(rows, y, cardinality), weights, PLAIN, new SplittableRandom(1));
  }

  @Test
  void fitsAStepFunctionExactly() {
    int n = 30;
    double[][] rows = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {i / (n - 1.0)};
      y[i] = rows[i][0] < 0.5 ? 1 : 3;
    }
    RegressionTree tree = fit(rows, y, new int[] {0});
    for (int i = 0; i < n; i++) {
      assertThat(tree.predict(rows[i])).isEqualTo(y[i]);
    }
    assertThat(tree.predict(new double[] {0.2})).isEqualTo(1);
    assertThat(tree.predict(new double[] {0.9})).isEqualTo(3);
    // One split is enough: both halves are pure.
    assertThat(tree.nodeCount()).isEqualTo(3);
  }

  @Test
  void fitsAStepInAFeatureWithFewValuesByHistogram() {
    // Six distinct values: the column is split by histogram, and must give the same exact fit.
    double[][] rows = new double[36][];
    double[] y = new double[36];
    for (int i = 0; i < 36; i++) {
      rows[i] = new double[] {(i % 6 + 0.5) / 6};
      y[i] = i % 6 >= 4 ? 10 : -2;
    }
    RegressionTree tree = fit(rows, y, new int[] {0});
    assertThat(tree.predict(new double[] {3.5 / 6})).isEqualTo(-2);
    assertThat(tree.predict(new double[] {4.5 / 6})).isEqualTo(10);
    assertThat(tree.nodeCount()).isEqualTo(3);
  }

  @Test
  void categoricalSplitsGroupCategoriesWithSimilarMeans() {
    // Categories 0 and 2 are good, 1 and 3 bad: no threshold on the index separates them, a set split does.
    double[] level = {0, 10, 0.5, 10.5};
    double[][] rows = new double[40][];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      rows[i] = new double[] {i % 4};
      y[i] = level[i % 4];
    }
    RegressionTree tree = fit(rows, y, new int[] {5});
    for (int c = 0; c < 4; c++) {
      assertThat(tree.predict(new double[] {c})).isEqualTo(level[c]);
    }
    // The root puts {0, 2} on one side and {1, 3} on the other; then each side splits once more.
    assertThat(tree.nodeCount()).isEqualTo(7);
  }

  @Test
  void splitsOnTheImputedInactiveValue() {
    // Feature 0 is inactive (imputed -1) for half the samples, which are much worse.
    double[][] rows = new double[40][];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      boolean active = i % 2 == 0;
      rows[i] = new double[] {active ? i / 40.0 : FeatureEncoder.INACTIVE, (i % 7) / 7.0};
      y[i] = active ? 0 : 5;
    }
    RegressionTree tree = fit(rows, y, new int[] {0, 0});
    assertThat(tree.predict(new double[] {FeatureEncoder.INACTIVE, 0.3})).isEqualTo(5);
    assertThat(tree.predict(new double[] {0.01, 0.3})).isEqualTo(0);
    assertThat(tree.predict(new double[] {0.99, 0.9})).isEqualTo(0);
  }

  @Test
  void respectsTheMinimumLeafSize() {
    double[][] rows = new double[10][];
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      rows[i] = new double[] {i};
      y[i] = i == 0 ? 100 : 0;
    }
    RegressionTree tree = fit(rows, y, new int[] {0});
    // The outlier cannot get a leaf of its own: its leaf holds at least three samples.
    assertThat(tree.predict(new double[] {0})).isLessThan(100).isGreaterThan(0);
  }
}
