package dev.asap.optimizer.de;

import java.util.Random;

/**
 * Builds a trial vector for a target: mutation, binomial crossover and clipping to the unit cube, with
 * DEHB's defaults F = 0.5 and CR = 0.5 (Awad, Mallik and Hutter, IJCAI 2021).
 */
final class Variation {
  static final double F = 0.5;
  static final double CR = 0.5;

  /** The mutation scheme. */
  enum Strategy {
    /** v = x_r1 + F (x_r2 - x_r3): DEHB's default, exploratory. */
    RAND_1,
    /** v = x_i + F (x_best - x_i) + F (x_r1 - x_r2): greedier, converges within short budgets. */
    CURRENT_TO_BEST_1
  }

  private final Strategy strategy;

  Variation(Strategy strategy) {
    this.strategy = strategy;
  }

  double[] trial(Population population, int target, Random random) {
    int[] r = distinctOthers(population.size(), target, 3, random);
    double[] x = population.vector(target);
    int d = x.length;
    double[] mutant = new double[d];
    if (strategy == Strategy.RAND_1) {
      double[] a = population.vector(r[0]);
      double[] b = population.vector(r[1]);
      double[] c = population.vector(r[2]);
      for (int j = 0; j < d; j++) {
        mutant[j] = a[j] + F * (b[j] - c[j]);
      }
    } else {
      double[] best = population.vector(population.best());
      double[] a = population.vector(r[0]);
      double[] b = population.vector(r[1]);
      for (int j = 0; j < d; j++) {
        mutant[j] = x[j] + F * (best[j] - x[j]) + F * (a[j] - b[j]);
      }
    }
    // Binomial crossover; j_rand guarantees the trial differs from the target in at least one coordinate.
    int jRand = random.nextInt(d);
    double[] trial = new double[d];
    for (int j = 0; j < d; j++) {
      double v = (j == jRand || random.nextDouble() < CR) ? mutant[j] : x[j];
      trial[j] = Math.min(1, Math.max(0, v));
    }
    return trial;
  }

  /** {@code count} distinct slots other than {@code exclude} (the population has at least count + 1). */
  private static int[] distinctOthers(int size, int exclude, int count, Random random) {
    int[] out = new int[count];
    int filled = 0;
    while (filled < count) {
      int c = random.nextInt(size);
      boolean fresh = c != exclude;
      for (int k = 0; k < filled && fresh; k++) {
        fresh = out[k] != c;
      }
      if (fresh) {
        out[filled++] = c;
      }
    }
    return out;
  }
}
