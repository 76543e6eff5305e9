package dev.asap.examples.xgboost;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Trains one XGBoost binary classifier and scores it on held-out rows. */
public final class XgboostTrainer {
  private final XgboostConfig config;

  public XgboostTrainer(XgboostConfig config) {
    this.config = config;
  }

  /** Trains on {@code training} for {@code numRound} rounds and scores the model on {@code validation}. */
  public FoldScore trainAndScore(Dataset training, Dataset validation) throws XGBoostError {
    DMatrix train = matrix(training);
    DMatrix valid = null;
    Booster booster = null;
    try {
      valid = matrix(validation);
      // No watch list: it would only make XGBoost log per-round metrics.
      booster = XGBoost.train(train, config.boosterParams(), config.numRound(), Map.of(), null, null);
      float[][] predicted = booster.predict(valid);
      float[] probabilities = new float[predicted.length];
      for (int i = 0; i < predicted.length; i++) {
        probabilities[i] = predicted[i][0];
      }
      return new FoldScore(Metrics.logLoss(probabilities, validation.labels()),
          Metrics.accuracy(probabilities, validation.labels()));
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (valid != null) {
        valid.dispose();
      }
      train.dispose();
    }
  }

  private static DMatrix matrix(Dataset data) throws XGBoostError {
    DMatrix m = new DMatrix(data.features(), data.rows(), data.columns(), Float.NaN);
    m.setLabel(data.labels());
    return m;
  }
}
