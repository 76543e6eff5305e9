package dev.asap.examples.xgboost;

/** Validation scores of one model. */
public record FoldScore(double logLoss, double accuracy) {}
