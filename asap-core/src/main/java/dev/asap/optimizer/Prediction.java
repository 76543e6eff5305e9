package dev.asap.optimizer;

/** A model's forecast of a config's loss (the minimised objective): mean and standard deviation. */
public record Prediction(double mean, double spread) {}
