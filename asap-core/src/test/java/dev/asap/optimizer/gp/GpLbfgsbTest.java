package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The box-constrained quasi-Newton minimiser on problems with known solutions. */
class GpLbfgsbTest {
  private final Lbfgsb lbfgs = new Lbfgsb(10, 200, 1e-8, 1e-15);

  @Test
  void findsTheMinimumOfABoundedQuadraticOnTheBoundary() {
    // f = (x − y)² + (x + y − 3)²: unconstrained minimum (1.5, 1.5); on [0, 1]² it is the corner (1, 1).
    Lbfgsb.Objective f = (x, g) -> {
      double a = x[0] - x[1];
      double b = x[0] + x[1] - 3;
      g[0] = 2 * a + 2 * b;
      g[1] = -2 * a + 2 * b;
      return a * a + b * b;
    };
    Lbfgsb.Result r = lbfgs.minimize(f, new double[] {0.2, 0.9}, new double[] {0, 0}, new double[] {1, 1});
    assertThat(r.x()[0]).isCloseTo(1, offset(1e-9));
    assertThat(r.x()[1]).isCloseTo(1, offset(1e-9));
    assertThat(r.value()).isCloseTo(1, offset(1e-12));
  }

  @Test
  void findsAnInteriorMinimumOfAnIllConditionedQuadratic() {
    double[] scale = {1, 10, 100, 1000, 1e4};
    double[] centre = {0.3, -0.2, 0.7, 0.1, -0.9};
    Lbfgsb.Objective f = (x, g) -> {
      double v = 0;
      for (int i = 0; i < x.length; i++) {
        double d = x[i] - centre[i];
        v += scale[i] * d * d;
        g[i] = 2 * scale[i] * d;
      }
      return v;
    };
    double[] lower = {-1, -1, -1, -1, -1};
    double[] upper = {1, 1, 1, 1, 1};
    Lbfgsb.Result r = lbfgs.minimize(f, new double[] {1, 1, -1, -1, 1}, lower, upper);
    for (int i = 0; i < centre.length; i++) {
      assertThat(r.x()[i]).isCloseTo(centre[i], offset(1e-6));
    }
  }

  @Test
  void solvesRosenbrockWithAnActiveBound() {
    // Rosenbrock's minimum (1, 1) lies outside x ≤ 0.5; the constrained minimum is (0.5, 0.25).
    Lbfgsb.Objective f = (x, g) -> {
      double a = 1 - x[0];
      double b = x[1] - x[0] * x[0];
      g[0] = -2 * a - 400 * x[0] * b;
      g[1] = 200 * b;
      return a * a + 100 * b * b;
    };
    Lbfgsb.Result r = lbfgs.minimize(f, new double[] {-1.5, 2}, new double[] {-2, -2}, new double[] {0.5, 2});
    assertThat(r.x()[0]).isCloseTo(0.5, offset(1e-6));
    assertThat(r.x()[1]).isCloseTo(0.25, offset(1e-6));
  }

  @Test
  void backsOffFromInfeasiblePoints() {
    // +∞ beyond x = 0.8 (as a failed Cholesky would be): the search must stop short of it, at the true minimum 0.7.
    Lbfgsb.Objective f = (x, g) -> {
      if (x[0] > 0.8) {
        return Double.POSITIVE_INFINITY;
      }
      g[0] = 2 * (x[0] - 0.7);
      return (x[0] - 0.7) * (x[0] - 0.7);
    };
    Lbfgsb.Result r = lbfgs.minimize(f, new double[] {-3}, new double[] {-5}, new double[] {5});
    assertThat(r.x()[0]).isCloseTo(0.7, offset(1e-6));
  }
}
