package dev.asap.optimizer.cmaes;

import java.util.List;
import java.util.Random;

/**
 * One independent categorical distribution per categorical parameter, learnt alongside the Gaussian (a
 * lighter CatCMA: Hamano et al., "CatCMA: Stochastic Optimization for Mixed-Category Problems", GECCO 2024).
 *
 * <p>Each generation moves the probabilities towards the elite's choices, {@code q += eta * sum_i w_i
 * (onehot(c_i) - q)} with the positive recombination weights (the natural-gradient step of the categorical
 * family, i.e. a smoothed cross-entropy update), skipping members where the parameter is inactive. Every
 * probability then stays above CatCMA's margin {@code (1 - 0.73^(1/N)) / (K - 1)} for N categorical
 * parameters of K choices, so that the most likely joint choice keeps at most 73% of the mass and no choice
 * is ever ruled out.
 */
final class CategoricalModel {
  /**
   * Learning rate. The cross-entropy method smooths with 0.4 to 0.9 (de Boer et al. 2005) and PBIL uses 0.1;
   * 0.2 lets a clear winner dominate within about ten generations without following the noise of one.
   */
  static final double RATE = 0.2;

  private final double[][] q;
  private final double[] floor;

  CategoricalModel(int[] sizes) {
    q = new double[sizes.length][];
    floor = new double[sizes.length];
    double keep = Math.pow(0.73, 1.0 / Math.max(1, sizes.length));
    for (int k = 0; k < sizes.length; k++) {
      q[k] = new double[sizes[k]];
      java.util.Arrays.fill(q[k], 1.0 / sizes[k]);
      floor[k] = sizes[k] < 2 ? 0 : (1 - keep) / (sizes[k] - 1);
    }
  }

  /** A deep copy of the probabilities; the floors never change. */
  CategoricalModel(CategoricalModel other) {
    q = new double[other.q.length][];
    for (int k = 0; k < q.length; k++) {
      q[k] = other.q[k].clone();
    }
    floor = other.floor;
  }

  double probability(int parameter, int choice) {
    return q[parameter][choice];
  }

  int[] sample(Random random) {
    int[] c = new int[q.length];
    for (int k = 0; k < q.length; k++) {
      double u = random.nextDouble();
      int choice = q[k].length - 1;
      double cumulative = 0;
      for (int j = 0; j < q[k].length; j++) {
        cumulative += q[k][j];
        if (u < cumulative) {
          choice = j;
          break;
        }
      }
      c[k] = choice;
    }
    return c;
  }

  /** Leans towards a known good choice (a warm start) as one update with that choice as the whole elite would. */
  void favour(int[] choices) {
    update(List.of(choices), new double[] {1});
  }

  /**
   * @param ranked  choices of the generation's members, best first; -1 marks an inactive parameter
   * @param weights positive recombination weights by rank (zeros allowed), summing to 1
   */
  void update(List<int[]> ranked, double[] weights) {
    for (int k = 0; k < q.length; k++) {
      double[] step = new double[q[k].length];
      for (int r = 0; r < ranked.size() && r < weights.length; r++) {
        int c = ranked.get(r)[k];
        if (c < 0 || weights[r] == 0) {
          continue;
        }
        for (int j = 0; j < step.length; j++) {
          step[j] += weights[r] * ((j == c ? 1 : 0) - q[k][j]);
        }
      }
      for (int j = 0; j < step.length; j++) {
        q[k][j] += RATE * step[j];
      }
      applyFloor(k);
    }
  }

  /** Lifts every probability to the floor and takes the mass back from the others in proportion. */
  private void applyFloor(int k) {
    double[] p = q[k];
    double f = floor[k];
    double above = 0;
    for (int j = 0; j < p.length; j++) {
      p[j] = Math.max(p[j], f);
      above += p[j] - f;
    }
    double free = 1 - f * p.length;
    for (int j = 0; j < p.length; j++) {
      p[j] = above > 0 ? f + free * (p[j] - f) / above : 1.0 / p.length;
    }
  }
}
