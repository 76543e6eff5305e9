package dev.asap.optimizer.tpe;

import java.util.Random;

/**
 * Optuna's categorical kernel for one estimator: an observation's kernel puts weight 1 on the observed
 * choice plus {@code priorWeight / nKernels} on every choice (nKernels counts the prior kernel), normalised;
 * the prior kernel is uniform. Categories are never one-hot encoded or treated as numbers.
 */
final class CategoricalKernel {
  private final int choices;
  private final double same;
  private final double logSame;
  private final double logOther;
  private final double logUniform;

  CategoricalKernel(int choices, int observations, double priorWeight) {
    this.choices = choices;
    double spread = priorWeight / (observations + 1);
    double total = choices * spread + 1;
    this.same = (spread + 1) / total;
    this.logSame = Math.log(same);
    this.logOther = Math.log(spread / total);
    this.logUniform = -Math.log(choices);
  }

  /** Probability of {@code value} under the kernel of an observation of {@code observed} (-1: the prior kernel). */
  double probability(int observed, int value) {
    return Math.exp(logProbability(observed, value));
  }

  double logProbability(int observed, int value) {
    if (observed < 0) {
      return logUniform;
    }
    return observed == value ? logSame : logOther;
  }

  /** Log probability of the observed choice under its observation's kernel. */
  double logSame() {
    return logSame;
  }

  /** Log probability of any other choice under an observation's kernel. */
  double logOther() {
    return logOther;
  }

  /** Log probability of every choice under the prior kernel. */
  double logUniform() {
    return logUniform;
  }

  int sample(Random random, int observed) {
    if (observed < 0 || choices == 1) {
      return random.nextInt(choices);
    }
    if (random.nextDouble() < same) {
      return observed;
    }
    int other = random.nextInt(choices - 1);
    return other >= observed ? other + 1 : other;
  }
}
