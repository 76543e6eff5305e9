package dev.asap.optimizer.gp;

/**
 * Kernel and likelihood hyperparameters, stored as logarithms so that optimisers work on an unbounded,
 * well-scaled vector: one lengthscale per feature (numeric ones first), then the signal variance, then the
 * noise variance.
 */
record Hyperparameters(double[] log) {

  static int size(int lengthscales) {
    return lengthscales + 2;
  }

  int lengthscales() {
    return log.length - 2;
  }

  double lengthscale(int k) {
    return Math.exp(log[k]);
  }

  double signal() {
    return Math.exp(log[log.length - 2]);
  }

  double noise() {
    return Math.exp(log[log.length - 1]);
  }
}
