package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The analytic gradient of the log marginal likelihood (and of the full objective) against finite differences. */
class GpMarginalLikelihoodTest {

  @Test
  void gradientMatchesFiniteDifferences() {
    Random r = new Random(7);
    for (int round = 0; round < 4; round++) {
      double[][] x = GpKernelTest.randomPoints(25, r);
      double[] y = new double[x.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.sin(4 * x[i][0]) + x[i][1] + (x[i][3] == 1 ? 0.7 : 0) + 0.1 * r.nextGaussian();
      }
      double[] theta = GpKernelTest.randomHyperparameters(r).log();
      theta[theta.length - 1] = Math.log(0.01 + 0.1 * r.nextDouble());
      MarginalLikelihood ml = new MarginalLikelihood(x, y, GpKernelTest.NUMERIC, Kernel.identity(5), new HyperPrior(5));
      double[] analytic = new double[theta.length];
      double value = ml.logLikelihood(theta, analytic);
      assertThat(value).isFinite();
      double[] objectiveGradient = new double[theta.length];
      ml.valueAndGradient(theta, objectiveGradient);
      for (int k = 0; k < theta.length; k++) {
        double numeric = centralDifference(theta, k, t -> ml.logLikelihood(t, null));
        assertThat(analytic[k]).as("d logML / d theta[%d]", k)
            .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(numeric))));
        double numericObjective = centralDifference(theta, k, t -> ml.valueAndGradient(t, new double[t.length]));
        assertThat(objectiveGradient[k]).as("d objective / d theta[%d]", k)
            .isCloseTo(numericObjective,
                org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(numericObjective))));
      }
    }
  }

  @Test
  void gradientSumsOverFeaturesThatShareALengthscale() {
    // Features 0 and 1 are one conditional parameter's arc embedding; 2 is numeric; 3 and 4 categorical.
    Random r = new Random(8);
    double[][] x = new double[20][5];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double u = r.nextDouble();
      boolean active = r.nextBoolean();
      x[i][0] = active ? Math.cos(Math.PI * u / 3) : 0;
      x[i][1] = active ? Math.sin(Math.PI * u / 3) : 0;
      x[i][2] = r.nextDouble();
      x[i][3] = r.nextInt(3);
      x[i][4] = r.nextInt(2);
      y[i] = (active ? u : 0.5) + x[i][2] * x[i][2] + 0.05 * r.nextGaussian();
    }
    int[] group = {0, 0, 1, 2, 3};
    MarginalLikelihood ml = new MarginalLikelihood(x, y, 3, group, new HyperPrior(4));
    double[] theta = {Math.log(0.4), Math.log(0.7), Math.log(1.3), Math.log(2.0), Math.log(1.2), Math.log(0.02)};
    double[] analytic = new double[theta.length];
    ml.logLikelihood(theta, analytic);
    for (int k = 0; k < theta.length; k++) {
      double numeric = centralDifference(theta, k, t -> ml.logLikelihood(t, null));
      assertThat(analytic[k]).as("d logML / d theta[%d]", k)
          .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(numeric))));
    }
  }

  private static double centralDifference(double[] theta, int k, java.util.function.ToDoubleFunction<double[]> f) {
    double h = 1e-5;
    double[] plus = theta.clone();
    double[] minus = theta.clone();
    plus[k] += h;
    minus[k] -= h;
    return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
  }
}
