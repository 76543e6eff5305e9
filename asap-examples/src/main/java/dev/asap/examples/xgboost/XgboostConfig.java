package dev.asap.examples.xgboost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial's settings: XGBoost hyperparameters plus the cross-validation set-up. {@link #DEFAULTS} holds
 * XGBoost's own defaults, 100 rounds and 5 folds.
 */
public record XgboostConfig(
    double eta,
    int maxDepth,
    double minChildWeight,
    double subsample,
    double colsampleBytree,
    double lambda,
    double alpha,
    double gamma,
    int numRound,
    String booster,
    double rateDrop,
    int folds,
    long seed) {

  public static final XgboostConfig DEFAULTS =
      new XgboostConfig(0.3, 6, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 100, "gbtree", 0.0, 5, 0);

  /** The parameter map for {@code XGBoost.train}. */
  public Map<String, Object> boosterParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("objective", "binary:logistic");
    p.put("booster", booster);
    p.put("tree_method", "hist");
    p.put("eta", eta);
    p.put("max_depth", maxDepth);
    p.put("min_child_weight", minChildWeight);
    p.put("subsample", subsample);
    p.put("colsample_bytree", colsampleBytree);
    p.put("lambda", lambda);
    p.put("alpha", alpha);
    p.put("gamma", gamma);
    if ("dart".equals(booster)) {
      p.put("rate_drop", rateDrop);
    }
    // More threads make these tiny trainings 20-100x slower on small machines, and the study already runs
    // several trials side by side.
    p.put("nthread", 1);
    p.put("verbosity", 0);
    p.put("seed", seed);
    return p;
  }
}
