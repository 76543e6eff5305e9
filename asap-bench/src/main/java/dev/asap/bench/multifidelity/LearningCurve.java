package dev.asap.bench.multifidelity;

import dev.asap.space.Config;

/**
 * A config's training run, epoch by epoch: the loss after each epoch and the cumulative seconds it took to get
 * there. Index 0 is epoch 1.
 */
interface LearningCurve {

  /** Losses and cumulative costs for epochs 1 to {@code epochs}. */
  Curve upTo(Config config, int epochs);

  record Curve(double[] losses, double[] cumulativeSeconds) {}
}
