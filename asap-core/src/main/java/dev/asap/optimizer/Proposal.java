package dev.asap.optimizer;

import dev.asap.space.Config;

/**
 * A config proposed by a tool, with the tool's prediction of its loss where the tool has a model
 * (null otherwise) and the seconds the tool spent computing it.
 */
public record Proposal(Config config, String tool, Prediction prediction, double computeSeconds) {
  public Proposal withComputeSeconds(double seconds) {
    return new Proposal(config, tool, prediction, seconds);
  }
}
