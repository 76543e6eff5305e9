package dev.asap.bench.stats;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The Friedman test over competitors ranked within blocks (optimizers ranked per task), with the Nemenyi
 * critical difference at α = 0.05 (Demšar 2006): two mean ranks further apart than it differ significantly.
 *
 * @param blocks             number of blocks (tasks) N
 * @param competitors        number of competitors k
 * @param meanRanks          mean rank of each competitor
 * @param chiSquare          Friedman's statistic, χ² with k − 1 degrees of freedom
 * @param pValue             its upper tail probability
 * @param criticalDifference the Nemenyi critical difference, NaN when k is outside the tabulated 2…20
 */
public record Friedman(int blocks, int competitors, double[] meanRanks, double chiSquare, double pValue,
    double criticalDifference) {
  /** q_0.05 of the studentized range with infinite degrees of freedom, divided by √2; index k − 2. */
  private static final double[] Q_05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164, 3.219, 3.268,
      3.313, 3.354, 3.391, 3.426, 3.458, 3.489, 3.517, 3.544};

  /**
   * @param scores {@code scores[block][competitor]}, lower is better; at least 2 blocks and 2 competitors
   */
  public static Friedman test(double[][] scores) {
    int n = scores.length;
    if (n < 2 || scores[0].length < 2) {
      throw new IllegalArgumentException("the Friedman test needs at least 2 blocks and 2 competitors, got " + n
          + " x " + (n == 0 ? 0 : scores[0].length));
    }
    int k = scores[0].length;
    double[] mean = Ranks.mean(scores);
    double sumSquares = 0;
    for (double r : mean) {
      sumSquares += r * r;
    }
    double chi = 12.0 * n / (k * (k + 1.0)) * (sumSquares - k * (k + 1.0) * (k + 1.0) / 4);
    chi = Math.max(0, chi);
    double p = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chi);
    return new Friedman(n, k, mean, chi, p, criticalDifference(k, n));
  }

  /** Nemenyi's critical difference at α = 0.05 for k competitors over n blocks. */
  public static double criticalDifference(int k, int n) {
    if (k < 2 || k - 2 >= Q_05.length) {
      return Double.NaN;
    }
    return Q_05[k - 2] * Math.sqrt(k * (k + 1.0) / (6.0 * n));
  }

  /** True when competitors {@code a} and {@code b} differ by more than the critical difference. */
  public boolean differ(int a, int b) {
    return Math.abs(meanRanks[a] - meanRanks[b]) > criticalDifference;
  }
}
