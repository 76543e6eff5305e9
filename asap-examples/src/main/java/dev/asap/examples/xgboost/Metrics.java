package dev.asap.examples.xgboost;

/** Scores for predicted probabilities of the positive class (label 1) against 0/1 labels. */
public final class Metrics {
  // Same clipping as scikit-learn's log_loss, so one confident mistake costs ~34.5 rather than infinity.
  private static final double EPS = 1e-15;

  private Metrics() {}

  /** Mean binary cross-entropy. */
  public static double logLoss(float[] probabilities, float[] labels) {
    checkSameLength(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(Math.max(probabilities[i], EPS), 1 - EPS);
      sum -= labels[i] == 1f ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }

  /** Fraction of rows whose probability falls on the correct side of 0.5. */
  public static double accuracy(float[] probabilities, float[] labels) {
    checkSameLength(probabilities, labels);
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if ((probabilities[i] >= 0.5f ? 1f : 0f) == labels[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  private static void checkSameLength(float[] probabilities, float[] labels) {
    if (probabilities.length != labels.length || labels.length == 0) {
      throw new IllegalArgumentException("need as many probabilities as labels, and at least one; got "
          + probabilities.length + " and " + labels.length);
    }
  }
}
