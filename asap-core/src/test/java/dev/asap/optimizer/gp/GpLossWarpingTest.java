package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.asap.optimizer.Prediction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loss warping: rank-preserving, log-like on heavy tails, identity-like on symmetric data, invertible. */
class GpLossWarpingTest {

  @Test
  void compressesAHeavyUpperTailAndLeavesSymmetricLossesAlone() {
    Random r = new Random(3);
    double[] heavy = new double[200];
    double[] normal = new double[200];
    for (int i = 0; i < heavy.length; i++) {
      heavy[i] = Math.exp(3 * r.nextGaussian());
      normal[i] = r.nextGaussian();
    }
    assertThat(LossWarping.fit(heavy).lambda()).isLessThan(0.3);
    assertThat(correlation(heavy, LossWarping.fit(heavy))).isLessThan(0.8);
    // Symmetric losses stay (almost) an affine function of the targets.
    assertThat(correlation(normal, LossWarping.fit(normal))).isGreaterThan(0.99);
  }

  private static double correlation(double[] losses, LossWarping w) {
    int n = losses.length;
    double mx = 0;
    double my = 0;
    for (double l : losses) {
      mx += l / n;
      my += w.apply(l) / n;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double l : losses) {
      double dx = l - mx;
      double dy = w.apply(l) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void preservesRanksAndStandardises() {
    Random r = new Random(4);
    double[] losses = new double[100];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = Math.pow(10, 4 * r.nextDouble()) - 50;
    }
    LossWarping w = LossWarping.fit(losses);
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < losses.length; i++) {
      double t = w.apply(losses[i]);
      sum += t;
      sq += t * t;
      for (int j = 0; j < losses.length; j++) {
        if (losses[i] < losses[j]) {
          assertThat(t).isLessThan(w.apply(losses[j]));
        }
      }
    }
    assertThat(sum / losses.length).isCloseTo(0, offset(1e-9));
    assertThat(sq / losses.length).isCloseTo(1, offset(1e-9));
  }

  @Test
  void predictionsComeBackInLossUnits() {
    double[] losses = {3, 5, 8, 20, 100, 1000, 4, 6};
    LossWarping w = LossWarping.fit(losses);
    for (double loss : losses) {
      Prediction p = w.predict(w.apply(loss), 1e-9);
      assertThat(p.mean()).isCloseTo(loss, offset(1e-6 * loss));
      assertThat(p.spread()).isLessThan(1e-6 * loss);
    }
    Prediction uncertain = w.predict(w.apply(20), 0.5);
    assertThat(uncertain.spread()).isPositive().isFinite();
    assertThat(w.predict(50, 10).mean()).isFinite();
    assertThat(w.predict(-50, 10).mean()).isFinite();
  }

  @Test
  void copesWithIdenticalLosses() {
    LossWarping w = LossWarping.fit(new double[] {2, 2, 2});
    assertThat(w.apply(2)).isZero();
    assertThat(w.predict(0, 0).mean()).isFinite();
  }
}
