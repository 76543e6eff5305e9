package dev.asap.optimizer.forest;

import dev.asap.optimizer.Prediction;
import java.util.Random;

/** The surrogate: a random forest trained on log-scaled losses, answering on both scales. */
final class ForestModel {
  private final RandomForest forest;
  private final LossTransform transform;
  private final double incumbent;

  private ForestModel(RandomForest forest, LossTransform transform, double incumbent) {
    this.forest = forest;
    this.transform = transform;
    this.incumbent = incumbent;
  }

  /**
   * @param rows        feature vectors of every training sample
   * @param losses      their losses, observed or imputed (failed and pending trials)
   * @param observed    the observed losses only: they fix the transform and the incumbent
   * @param cardinality per feature, 0 for numeric or the number of categories
   */
  static ForestModel fit(double[][] rows, double[] losses, double[] observed, int[] cardinality,
      ForestSettings settings, Random random) {
    LossTransform transform = LossTransform.fit(observed);
    double[] y = new double[losses.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = transform.forward(losses[i]);
    }
    double best = Double.POSITIVE_INFINITY;
    for (double loss : observed) {
      best = Math.min(best, transform.forward(loss));
    }
    RandomForest forest = RandomForest.fit(new TrainingData(rows, y, cardinality), settings, random);
    return new ForestModel(forest, transform, best);
  }

  /** Mean and variance of the log-scaled loss. */
  RandomForest.MeanVar predict(double[] features) {
    return forest.predict(features);
  }

  RandomForest.MeanVar predict(RandomForest.Route route) {
    return forest.predict(route);
  }

  RandomForest.Route route(double[] features) {
    return forest.route(features);
  }

  RandomForest.Route reroute(RandomForest.Route from, double[] features, int changed) {
    return forest.reroute(from, features, changed);
  }

  /** A loss on the model's (log) scale. */
  double scaled(double loss) {
    return transform.forward(loss);
  }

  /** The best observed loss on the log scale: the incumbent that expected improvement is measured against. */
  double incumbent() {
    return incumbent;
  }

  /**
   * The forecast in loss units. The mean is the back-transformed log-scale mean, i.e. the median of the
   * implied log-normal (robust, and what the model ranks by); the spread is the delta-method standard
   * deviation {@code |d loss / d t| * sd(t)} at that mean.
   */
  Prediction predictLoss(double[] features) {
    RandomForest.MeanVar p = forest.predict(features);
    double mean = transform.inverse(p.mean());
    double spread = transform.slope(p.mean()) * Math.sqrt(p.variance());
    return new Prediction(mean, Double.isFinite(spread) ? spread : Double.MAX_VALUE);
  }
}
