package dev.asap.optimizer.forest;

/**
 * A point of the unit cube with its forest features, its acquisition score (higher is better) and where it
 * landed in the forest (null when it was not scored by a forest).
 */
record Candidate(double[] unit, double[] features, double score, RandomForest.Route route) {}
