package dev.asap.optimizer.forest;

/**
 * How a random forest is grown.
 *
 * @param trees           number of trees
 * @param bootstrap       each tree sees n draws with replacement (else every sample once)
 * @param minSamplesSplit a node with less (bootstrap) weight becomes a leaf
 * @param minSamplesLeaf  no split may leave less weight than this on either side
 * @param featureRatio    share of the features tried at each split
 * @param maxDepth        depth at which nodes become leaves
 */
record ForestSettings(int trees, boolean bootstrap, int minSamplesSplit, int minSamplesLeaf, double featureRatio,
    int maxDepth) {

  ForestSettings {
    if (trees < 1 || minSamplesSplit < 1 || minSamplesLeaf < 1 || maxDepth < 0 || !(featureRatio > 0)
        || featureRatio > 1) {
      throw new IllegalArgumentException("invalid forest settings");
    }
  }

  /**
   * SMAC's random forest defaults (smac.model.random_forest.RandomForest, pyrfr): 10 trees, bootstrap,
   * min_samples_split 3, min_samples_leaf 3, ratio_features 5/6, max_depth 2^20 (i.e. unlimited).
   */
  static ForestSettings smac() {
    return new ForestSettings(10, true, 3, 3, 5.0 / 6.0, 1 << 20);
  }

  /** Features tried per split, as SMAC computes it: {@code max(1, int(d * ratio))}. */
  int maxFeatures(int dimension) {
    return Math.max(1, (int) (dimension * featureRatio));
  }
}
