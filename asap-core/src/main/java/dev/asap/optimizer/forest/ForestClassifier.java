package dev.asap.optimizer.forest;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.List;
import java.util.Random;

/**
 * A random forest fitted on 0/1 labels: the mean of the trees' leaf shares is a probability. Axis-aligned
 * splits suit feasibility in configuration spaces (a memory limit crossed above some batch size, a choice that
 * never runs), which a distance-based classifier can only blur. Leaves hold at least two samples and the trees
 * see bootstrap samples, so a lone observation cannot decide a region on its own.
 */
public final class ForestClassifier {
  private static final ForestSettings SETTINGS = new ForestSettings(16, true, 2, 2, 5.0 / 6.0, 1 << 20);

  private final FeatureEncoder encoder;
  private final RandomForest forest;

  private ForestClassifier(FeatureEncoder encoder, RandomForest forest) {
    this.encoder = encoder;
    this.forest = forest;
  }

  /** @param labels 1 for the positive class, 0 for the other, one per config */
  public static ForestClassifier fit(SearchSpace space, List<Config> configs, double[] labels, Random random) {
    if (configs.size() != labels.length || configs.isEmpty()) {
      throw new IllegalArgumentException("need one label per config and at least one config, got " + configs.size()
          + " configs and " + labels.length + " labels");
    }
    FeatureEncoder encoder = new FeatureEncoder(space);
    double[][] rows = new double[configs.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = encoder.encode(configs.get(i));
    }
    RandomForest forest = RandomForest.fit(new TrainingData(rows, labels.clone(), encoder.cardinalities()), SETTINGS,
        random);
    return new ForestClassifier(encoder, forest);
  }

  /** The share of the positive class predicted for {@code config}, in [0, 1]. */
  public double probability(Config config) {
    return Math.min(1, Math.max(0, forest.predict(encoder.encode(config)).mean()));
  }
}
