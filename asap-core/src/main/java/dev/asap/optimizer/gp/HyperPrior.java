package dev.asap.optimizer.gp;

import java.util.Random;

/**
 * Weak priors and box bounds for the hyperparameters, all on their logarithms.
 *
 * <p>Defaults follow BoTorch: lengthscales LogNormal(√2 + ½ ln d, √3), the dimension-scaled prior of Hvarfner et
 * al. (2024), with BoTorch's lower bound 0.025; signal variance Gamma(2, 0.15), BoTorch's output-scale prior;
 * noise variance LogNormal(−4, 1) (Hvarfner et al.) bounded below by 1e-6 of the standardised variance, as in
 * Optuna's GPSampler. As in GPyTorch, a density is that of the variance or lengthscale itself evaluated at
 * exp(θ), so the MAP estimate sits at the prior's mode when data say nothing.
 */
final class HyperPrior {
  private static final double SQRT2 = Math.sqrt(2);
  private static final double LENGTHSCALE_SIGMA = Math.sqrt(3);
  private static final double SIGNAL_SHAPE = 2.0;
  private static final double SIGNAL_RATE = 0.15;
  private static final double NOISE_MU = -4.0;
  private static final double NOISE_SIGMA = 1.0;
  private final int lengthscales;
  private final double lengthscaleMu;
  private final double[] lower;
  private final double[] upper;

  HyperPrior(int lengthscales) {
    this.lengthscales = lengthscales;
    this.lengthscaleMu = SQRT2 + 0.5 * Math.log(Math.max(1, lengthscales));
    int size = Hyperparameters.size(lengthscales);
    lower = new double[size];
    upper = new double[size];
    for (int k = 0; k < lengthscales; k++) {
      lower[k] = Math.log(0.025);
      upper[k] = Math.log(100);
    }
    lower[lengthscales] = Math.log(1e-2);
    upper[lengthscales] = Math.log(1e2);
    lower[lengthscales + 1] = Math.log(1e-6);
    upper[lengthscales + 1] = Math.log(2);
  }

  double[] lower() {
    return lower.clone();
  }

  double[] upper() {
    return upper.clone();
  }

  /** The prior modes of lengthscales and noise, with unit signal variance (the standardised targets' own). */
  double[] initial() {
    double[] theta = new double[lower.length];
    for (int k = 0; k < lengthscales; k++) {
      theta[k] = lengthscaleMu - LENGTHSCALE_SIGMA * LENGTHSCALE_SIGMA;
    }
    theta[lengthscales] = 0;
    theta[lengthscales + 1] = NOISE_MU - NOISE_SIGMA * NOISE_SIGMA;
    return clamp(theta);
  }

  /** A draw from the priors (signal variance log-uniform on [0.2, 5]), clamped to the bounds. */
  double[] sample(Random random) {
    double[] theta = new double[lower.length];
    for (int k = 0; k < lengthscales; k++) {
      theta[k] = lengthscaleMu + LENGTHSCALE_SIGMA * random.nextGaussian();
    }
    theta[lengthscales] = Math.log(0.2) + random.nextDouble() * Math.log(25);
    theta[lengthscales + 1] = NOISE_MU + NOISE_SIGMA * random.nextGaussian();
    return clamp(theta);
  }

  /** Log prior density at {@code theta}; adds its gradient to {@code gradient}. */
  double logDensity(double[] theta, double[] gradient) {
    double value = 0;
    double v2 = LENGTHSCALE_SIGMA * LENGTHSCALE_SIGMA;
    for (int k = 0; k < lengthscales; k++) {
      double z = theta[k] - lengthscaleMu;
      value += -theta[k] - z * z / (2 * v2);
      gradient[k] += -1 - z / v2;
    }
    double s = theta[lengthscales];
    value += (SIGNAL_SHAPE - 1) * s - SIGNAL_RATE * Math.exp(s);
    gradient[lengthscales] += (SIGNAL_SHAPE - 1) - SIGNAL_RATE * Math.exp(s);
    double z = theta[lengthscales + 1] - NOISE_MU;
    double nv2 = NOISE_SIGMA * NOISE_SIGMA;
    value += -theta[lengthscales + 1] - z * z / (2 * nv2);
    gradient[lengthscales + 1] += -1 - z / nv2;
    return value;
  }

  double[] clamp(double[] theta) {
    for (int k = 0; k < theta.length; k++) {
      theta[k] = Math.min(upper[k], Math.max(lower[k], theta[k]));
    }
    return theta;
  }
}
