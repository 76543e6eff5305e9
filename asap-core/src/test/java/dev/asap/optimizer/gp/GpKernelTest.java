package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The Matérn × Hamming kernel and its inputs: symmetric, PSD, and a consistent treatment of inactive values. */
class GpKernelTest {
  static final int NUMERIC = 3;
  /** Any fixed value stands for "inactive" in raw features; the kernel only sees equal or unequal values. */
  static final double INACTIVE = -0.5;

  /** Three numeric features (some inactive) and two categorical ones with 3 and 2 choices (+ "inactive"). */
  static double[][] randomPoints(int n, Random r) {
    double[][] x = new double[n][5];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < NUMERIC; k++) {
        x[i][k] = r.nextDouble() < 0.2 ? INACTIVE : r.nextDouble();
      }
      x[i][3] = r.nextInt(4);
      x[i][4] = r.nextInt(3);
    }
    return x;
  }

  static Hyperparameters randomHyperparameters(Random r) {
    double[] log = new double[Hyperparameters.size(5)];
    for (int k = 0; k < 5; k++) {
      log[k] = Math.log(0.05 + 2 * r.nextDouble());
    }
    log[5] = Math.log(0.5 + r.nextDouble());
    log[6] = Math.log(1e-4);
    return new Hyperparameters(log);
  }

  @Test
  void isSymmetricAndPositiveSemiDefinite() {
    Random r = new Random(1);
    for (int round = 0; round < 5; round++) {
      Kernel kernel = new Kernel(NUMERIC, randomHyperparameters(r));
      double[][] x = randomPoints(40, r);
      int n = x.length;
      DMatrixRMaj k = new DMatrixRMaj(n, n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double a = kernel.covariance(kernel.scale(x[i]), kernel.scale(x[j]));
          double b = kernel.covariance(kernel.scale(x[j]), kernel.scale(x[i]));
          assertThat(a).isEqualTo(b);
          k.set(i, j, a);
        }
        assertThat(k.get(i, i)).isCloseTo(kernel.signal(), org.assertj.core.data.Offset.offset(1e-12));
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
      assertThat(eig.decompose(k)).isTrue();
      for (int i = 0; i < n; i++) {
        assertThat(eig.getEigenvalue(i).getReal()).isGreaterThan(-1e-9 * kernel.signal() * n);
      }
    }
  }

  @Test
  void inactiveValuesAreAtDistanceZeroFromEachOther() {
    Kernel kernel = new Kernel(NUMERIC, randomHyperparameters(new Random(2)));
    double[] a = {INACTIVE, 0.3, 0.7, 3, 1};
    double[] b = {INACTIVE, 0.3, 0.7, 3, 1};
    double[] c = {0.9, 0.3, 0.7, 3, 1};
    assertThat(kernel.covariance(kernel.scale(a), kernel.scale(b))).isEqualTo(kernel.signal());
    assertThat(kernel.covariance(kernel.scale(a), kernel.scale(c))).isLessThan(kernel.signal());
  }

  @Test
  void anInactiveConditionalParameterIsEquallyFarFromEveryActiveValue() {
    SearchSpace space = SearchSpace.builder()
        .add(CategoricalParameter.of("opt", "adam", "sgd"))
        .add(FloatParameter.of("momentum", 0, 1))
        .add(FloatParameter.of("x", 0, 1))
        .when("momentum", "opt", "sgd")
        .build();
    FeatureMap map = new FeatureMap(space);
    assertThat(map.numeric()).isEqualTo(3);
    assertThat(map.group()).containsExactly(0, 0, 1, 2);
    double[] log = {Math.log(0.5), Math.log(0.5), Math.log(1), 0, Math.log(1e-4)};
    Kernel kernel = new Kernel(map.numeric(), map.group(), new Hyperparameters(log));
    double[] inactive = kernel.scale(map.features(new double[] {0.5, Double.NaN, 0.5}));
    double[] sameCategory = null;
    for (double m : new double[] {0, 0.3, 0.7, 1}) {
      double[] active = kernel.scale(map.features(new double[] {0.5, m, 0.5}));
      double k = kernel.covariance(inactive, active);
      if (sameCategory == null) {
        sameCategory = new double[] {k};
      }
      assertThat(k).isCloseTo(sameCategory[0], org.assertj.core.data.Offset.offset(1e-12));
    }
    double[] low = kernel.scale(map.features(new double[] {0.9, 0.0, 0.5}));
    double[] mid = kernel.scale(map.features(new double[] {0.9, 0.5, 0.5}));
    double[] high = kernel.scale(map.features(new double[] {0.9, 1.0, 0.5}));
    assertThat(kernel.covariance(low, mid)).isGreaterThan(kernel.covariance(low, high));
  }

  @Test
  void categoricalDistanceIgnoresTheOrderOfChoices() {
    Kernel kernel = new Kernel(NUMERIC, randomHyperparameters(new Random(3)));
    double[] a = {0.5, 0.5, 0.5, 0, 0};
    double[] b = {0.5, 0.5, 0.5, 1, 0};
    double[] c = {0.5, 0.5, 0.5, 2, 0};
    assertThat(kernel.covariance(kernel.scale(a), kernel.scale(b)))
        .isEqualTo(kernel.covariance(kernel.scale(a), kernel.scale(c)));
  }
}
