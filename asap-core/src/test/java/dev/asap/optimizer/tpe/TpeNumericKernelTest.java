package dev.asap.optimizer.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class TpeNumericKernelTest {

  @Test
  void normalCdfMatchesAReferenceErfcIncludingTheTails() {
    for (double z = -30; z <= 8; z += 0.01) {
      double reference = 0.5 * Erf.erfc(-z / Math.sqrt(2));
      assertThat(NormalCdf.cdf(z)).as("Phi(%s)", z).isCloseTo(reference, within(1e-15 + 1e-8 * reference));
    }
    // Far in a tail the mass between two points keeps its relative precision (no 1 - 1 cancellation).
    double reference = 0.5 * (Erf.erfc(6 / Math.sqrt(2)) - Erf.erfc(7 / Math.sqrt(2)));
    assertThat(NormalCdf.between(6, 7)).isCloseTo(reference, within(1e-8 * reference));
    assertThat(NormalCdf.between(-7, -6)).isCloseTo(reference, within(1e-8 * reference));
  }

  @Test
  void truncatedDensityIntegratesToOneOnTheUnitInterval() {
    double[][] kernels = {{0.5, 1.0}, {0.0, 0.05}, {1.0, 0.3}, {0.37, 0.01}, {0.9, 0.2}};
    for (double[] k : kernels) {
      double logZ = NumericKernel.logNormaliser(k[0], k[1]);
      int steps = 200_000;
      double integral = 0;
      for (int i = 0; i < steps; i++) {
        integral += Math.exp(NumericKernel.logDensity((i + 0.5) / steps, k[0], k[1], logZ)) / steps;
      }
      assertThat(integral).as("mu %s sigma %s", k[0], k[1]).isCloseTo(1, within(1e-6));
    }
  }

  @Test
  void binMassesOverAPartitionSumToOne() {
    // Bins of a log-integer-like grid: wide at the left, narrow at the right (both mass rules are used).
    double[] edges = new double[301];
    for (int i = 0; i <= 300; i++) {
      edges[i] = Math.log1p(i) / Math.log(301);
    }
    for (double[] k : new double[][] {{0.2, 0.1}, {0.95, 0.02}, {0.5, 1.0}, {0.0, 0.3}}) {
      double logZ = NumericKernel.logNormaliser(k[0], k[1]);
      double total = 0;
      for (int i = 0; i < 300; i++) {
        total += Math.exp(NumericKernel.logBinMass(edges[i], edges[i + 1], k[0], k[1], logZ));
      }
      assertThat(total).as("mu %s sigma %s", k[0], k[1]).isCloseTo(1, within(1e-4));
    }
  }

  @Test
  void samplesStayInTheUnitIntervalAndFollowTheKernel() {
    Random random = new Random(1);
    double mu = 0.05;
    double sigma = 0.2;
    int n = 100_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = NumericKernel.sample(random, mu, sigma);
      assertThat(x).isBetween(0.0, 1.0);
      sum += x;
    }
    double logZ = NumericKernel.logNormaliser(mu, sigma);
    double mean = 0;
    for (int i = 0; i < 100_000; i++) {
      double x = (i + 0.5) / 100_000;
      mean += x * Math.exp(NumericKernel.logDensity(x, mu, sigma, logZ)) / 100_000;
    }
    assertThat(sum / n).isCloseTo(mean, within(0.003));
  }
}
