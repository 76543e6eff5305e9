package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The GP posterior: interpolation of noiseless data, shrinking spread, and exact removal of fantasies. */
class GpPosteriorTest {

  private static GaussianProcess fitted(double[][] x, double[] y, double noise) {
    double[] log = new double[Hyperparameters.size(5)];
    java.util.Arrays.fill(log, 0, 5, Math.log(0.3));
    log[5] = 0;
    log[6] = Math.log(noise);
    Hyperparameters h = new Hyperparameters(log);
    GaussianProcess gp = new GaussianProcess(new Kernel(GpKernelTest.NUMERIC, h), h.noise());
    for (double[] p : x) {
      gp.add(p);
    }
    gp.setTargets(y);
    return gp;
  }

  @Test
  void interpolatesNoiselessDataAndIsCertainThere() {
    Random r = new Random(11);
    double[][] x = GpKernelTest.randomPoints(30, r);
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.cos(3 * x[i][0]) - x[i][2] + (x[i][4] == 2 ? 0.5 : 0);
    }
    GaussianProcess gp = fitted(x, y, 1e-6);
    double[] mean = new double[x.length];
    double[] variance = new double[x.length];
    gp.predict(x, x.length, mean, variance);
    for (int i = 0; i < x.length; i++) {
      assertThat(mean[i]).isCloseTo(y[i], offset(1e-3));
      assertThat(variance[i]).isLessThan(1e-4);
    }
    double[][] far = GpKernelTest.randomPoints(50, new Random(12));
    double[] m = new double[far.length];
    double[] v = new double[far.length];
    gp.predict(far, far.length, m, v);
    double maxFar = 0;
    for (double value : v) {
      maxFar = Math.max(maxFar, value);
      assertThat(value).isLessThanOrEqualTo(1.0 + 1e-12);
    }
    assertThat(maxFar).isGreaterThan(1e-2);
  }

  @Test
  void spreadShrinksWhereAPointIsObserved() {
    Random r = new Random(13);
    double[][] x = GpKernelTest.randomPoints(10, r);
    double[] y = new double[x.length];
    double[][] probe = GpKernelTest.randomPoints(1, new Random(14));
    GaussianProcess gp = fitted(x, y, 1e-4);
    double[] m = new double[1];
    double[] before = new double[1];
    gp.predict(probe, 1, m, before);
    gp.add(probe[0]);
    gp.setTargets(java.util.Arrays.copyOf(y, y.length + 1));
    double[] after = new double[1];
    gp.predict(probe, 1, m, after);
    assertThat(after[0]).isLessThan(before[0]).isLessThan(2e-4);
  }

  @Test
  void fantasiesLeaveTheMeanAndVanishWhenTruncated() {
    Random r = new Random(15);
    double[][] x = GpKernelTest.randomPoints(20, r);
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextGaussian();
    }
    GaussianProcess gp = fitted(x, y, 1e-3);
    double[][] probes = GpKernelTest.randomPoints(8, new Random(16));
    double[] m0 = new double[8];
    double[] v0 = new double[8];
    gp.predict(probes, 8, m0, v0);
    double[][] pending = GpKernelTest.randomPoints(2, new Random(17));
    double[] pm = new double[2];
    gp.predict(pending, 2, pm, new double[2]);
    gp.add(pending[0]);
    gp.add(pending[1]);
    double[] believed = java.util.Arrays.copyOf(y, y.length + 2);
    believed[y.length] = pm[0];
    believed[y.length + 1] = pm[1];
    gp.setTargets(believed);
    double[] m1 = new double[8];
    double[] v1 = new double[8];
    gp.predict(probes, 8, m1, v1);
    for (int i = 0; i < 8; i++) {
      assertThat(m1[i]).isCloseTo(m0[i], offset(1e-8));
      assertThat(v1[i]).isLessThanOrEqualTo(v0[i] + 1e-12);
    }
    gp.truncate(y.length);
    gp.setTargets(y);
    double[] m2 = new double[8];
    double[] v2 = new double[8];
    gp.predict(probes, 8, m2, v2);
    assertThat(m2).containsExactly(m0);
    assertThat(v2).containsExactly(v0);
  }
}
