package dev.asap.examples.xgboost;

import ml.dmlc.xgboost4j.java.XGBoostError;

/** Stratified k-fold cross-validation of an XGBoost configuration. */
public final class CrossValidator {

  /** Hears about each fold as soon as it is scored. */
  @FunctionalInterface
  public interface FoldListener {
    /**
     * @param fold          1-based number of the fold just scored
     * @param score         that fold's validation scores
     * @param meanSoFar     mean scores over folds 1 to {@code fold}
     */
    void foldDone(int fold, FoldScore score, FoldScore meanSoFar);
  }

  private final Dataset data;
  private final XgboostConfig config;

  public CrossValidator(Dataset data, XgboostConfig config) {
    this.data = data;
    this.config = config;
  }

  /**
   * Trains one model per fold and returns the mean validation scores.
   *
   * @throws IllegalArgumentException if the dataset cannot be split into {@code config.folds()} stratified folds
   */
  public FoldScore run(FoldListener listener) throws XGBoostError {
    StratifiedKFold folds = StratifiedKFold.split(data.labels(), config.folds(), config.seed());
    XgboostTrainer trainer = new XgboostTrainer(config);
    double logLossSum = 0;
    double accuracySum = 0;
    for (int k = 0; k < folds.folds(); k++) {
      FoldScore score = trainer.trainAndScore(data.select(folds.trainingRows(k)),
          data.select(folds.validationRows(k)));
      logLossSum += score.logLoss();
      accuracySum += score.accuracy();
      listener.foldDone(k + 1, score, new FoldScore(logLossSum / (k + 1), accuracySum / (k + 1)));
    }
    return new FoldScore(logLossSum / folds.folds(), accuracySum / folds.folds());
  }
}
