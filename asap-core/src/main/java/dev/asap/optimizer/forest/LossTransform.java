package dev.asap.optimizer.forest;

import java.util.Arrays;

/**
 * SMAC's log-scaled cost transform (RunHistoryLogScaledEncoder), which its HPO facade trains the forest on:
 * {@code t = log((loss - low) / scale)}, with {@code low} placed below the best loss by the best loss's
 * distance to the 5th percentile and {@code scale} mapping the worst loss to 0.
 *
 * <p>Why: losses far from the optimum (diverged runs, huge Rosenbrock values) would otherwise dominate the
 * squared-error splits; on the log scale the trees spend their splits where the good configs are, and a
 * multiplicative noise model fits typical HPO losses. The shift makes it valid for any sign, so it is
 * always applied (as in SMAC), not only when losses are positive.
 */
final class LossTransform {
  /** SMAC's scale_percentage. */
  private static final double PERCENTILE = 0.05;
  /**
   * SMAC adds an absolute 1e-10 below the minimum; a floor relative to the range keeps the transform
   * independent of the loss's units and bounds the dynamic range to about 14 nats when the best losses tie.
   */
  private static final double MIN_GAP = 1e-6;

  private final double low;
  private final double scale;

  private LossTransform(double low, double scale) {
    this.low = low;
    this.scale = scale;
  }

  /** Fits the shift and scale on the observed (not imputed) losses. */
  static LossTransform fit(double[] observed) {
    if (observed.length == 0) {
      throw new IllegalArgumentException("no losses to fit the transform on");
    }
    double[] s = observed.clone();
    Arrays.sort(s);
    double min = s[0];
    double max = s[s.length - 1];
    if (!(max > min)) {
      // A flat history: every loss maps to log 1 = 0.
      return new LossTransform(min - 1, 1);
    }
    double gap = Math.max(percentile(s, PERCENTILE) - min, MIN_GAP * (max - min));
    double low = min - gap;
    return new LossTransform(low, max - low);
  }

  double forward(double loss) {
    return Math.log((loss - low) / scale);
  }

  double inverse(double t) {
    return low + scale * Math.exp(t);
  }

  /** d loss / d t at {@code t}: turns a spread on the log scale into loss units (delta method). */
  double slope(double t) {
    return scale * Math.exp(t);
  }

  /** numpy's default (linear) percentile of sorted values. */
  private static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
