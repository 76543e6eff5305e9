package dev.asap.bench.task;

/** Normalised regret: how far a loss is from the optimum, in units of a typical random config's distance. */
public final class Regret {
  private Regret() {}

  /**
   * (loss − optimum) / (randomMedian − optimum).
   *
   * @throws IllegalArgumentException when the random median is not above the optimum
   */
  public static double normalised(double loss, double optimum, double randomMedian) {
    double scale = randomMedian - optimum;
    if (!(scale > 0)) {
      throw new IllegalArgumentException("the random median (" + randomMedian + ") must lie above the optimum ("
          + optimum + ") to normalise regret");
    }
    if (loss == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return (loss - optimum) / scale;
  }
}
