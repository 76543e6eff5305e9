package dev.asap.optimizer.forest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomForestTest {

  private static double smooth(double a, double b) {
    return Math.sin(2 * Math.PI * a) + b * b;
  }

  @Test
  void meanApproximatesASmoothFunction() {
    Random r = new Random(3);
    int n = 400;
    double[][] rows = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {r.nextDouble(), r.nextDouble()};
      y[i] = smooth(rows[i][0], rows[i][1]);
    }
    RandomForest forest = RandomForest.fit(new TrainingData(rows, y, new int[] {0, 0}), ForestSettings.smac(),
        new Random(1));
    double squared = 0;
    int m = 200;
    for (int i = 0; i < m; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      double e = forest.predict(new double[] {a, b}).mean() - smooth(a, b);
      squared += e * e;
    }
    // The function spans [-1, 2]; a constant would miss by about 0.8 on average.
    assertThat(Math.sqrt(squared / m)).isLessThan(0.15);
  }

  @Test
  void isMoreUncertainFarFromTheData() {
    // Two clusters of observations with a wide gap between them.
    Random r = new Random(5);
    int n = 60;
    double[][] rows = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double x = i < n / 2 ? 0.2 * r.nextDouble() : 0.8 + 0.2 * r.nextDouble();
      rows[i] = new double[] {x};
      y[i] = x < 0.5 ? 0.1 * x : 1 + 0.1 * x;
    }
    RandomForest forest = RandomForest.fit(new TrainingData(rows, y, new int[] {0}), ForestSettings.smac(),
        new Random(2));
    double gap = forest.predict(new double[] {0.5}).variance();
    double nearLeft = forest.predict(new double[] {0.1}).variance();
    double nearRight = forest.predict(new double[] {0.9}).variance();
    assertThat(gap).isGreaterThan(10 * nearLeft).isGreaterThan(10 * nearRight);
    // In the gap the trees disagree: their means sit on either side, so the forest's mean is in between.
    assertThat(forest.predict(new double[] {0.5}).mean()).isBetween(0.1, 0.9);
  }

  @Test
  void varianceAddsTreeDisagreementToLeafNoise() {
    // Pure noise: every tree predicts about the overall mean, so the variance is mostly within leaves.
    Random r = new Random(7);
    int n = 200;
    double[][] rows = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {r.nextDouble()};
      y[i] = r.nextGaussian();
    }
    RandomForest forest = RandomForest.fit(new TrainingData(rows, y, new int[] {0}), ForestSettings.smac(),
        new Random(3));
    double v = forest.predict(new double[] {0.5}).variance();
    assertThat(v).isGreaterThan(0.1).isLessThan(3);
  }

  @Test
  void isReproducibleUnderASeed() {
    Random r = new Random(11);
    int n = 100;
    double[][] rows = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {r.nextDouble(), r.nextInt(3)};
      y[i] = rows[i][0] + rows[i][1];
    }
    TrainingData data = new TrainingData(rows, y, new int[] {0, 4});
    RandomForest a = RandomForest.fit(data, ForestSettings.smac(), new Random(42));
    RandomForest b = RandomForest.fit(data, ForestSettings.smac(), new Random(42));
    RandomForest c = RandomForest.fit(data, ForestSettings.smac(), new Random(43));
    boolean differs = false;
    for (int i = 0; i < 50; i++) {
      double[] x = {i / 50.0, i % 3};
      assertThat(a.predict(x)).isEqualTo(b.predict(x));
      differs |= !a.predict(x).equals(c.predict(x));
    }
    assertThat(differs).isTrue();
  }
}
