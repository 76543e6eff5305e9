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
    double[] sum = new double[candidates];
    for (double[] s : scores.values()) {
      for (int i = 0; i < candidates; i++) {
        int below = 0;
        for (int j = 0; j < candidates; j++) {
          if (s[j] < s[i]) {
            below++;
          }
        }
        sum[i] += candidates == 1 ? 1 : below / (double) (candidates - 1);
      }
    }
    for (int i = 0; i < candidates; i++) {
      sum[i] /= Math.max(1, scores.size());
    }
    return sum;
  }
}
