package dev.asap.integrator;

import java.util.Map;

/**
 * Where the pool's models agree: each scoring model ranks the round's candidates by expected improvement;
 * a candidate's consensus is its mean normalised rank (1 = every model's favourite, 0 = every model's last).
 * Ranks, not raw scores, so that models on different scales weigh the same.
 */
final class ModelConsensus {
  private ModelConsensus() {}

  static double[] ranks(Map<String, double[]> scores, int candidates) {
    return ranks(scores, Map.of(), candidates);
  }

  /** The same, each model's rank weighted ({@code weights} by model, 1 where absent). */
  static double[] ranks(Map<String, double[]> scores, Map<String, Double> weights, int candidates) {
    double[] sum = new double[candidates];
    double total = 0;
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      double w = weights.getOrDefault(e.getKey(), 1.0);
      total += w;
      double[] s = e.getValue();
      for (int i = 0; i < candidates; i++) {
        int below = 0;
        for (int j = 0; j < candidates; j++) {
          if (s[j] < s[i]) {
            below++;
          }
        }
        sum[i] += w * (candidates == 1 ? 1 : below / (double) (candidates - 1));
      }
    }
    for (int i = 0; i < candidates; i++) {
      sum[i] = total > 0 ? sum[i] / total : 0;
    }
    return sum;
  }
}
