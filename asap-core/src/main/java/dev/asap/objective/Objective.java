package dev.asap.objective;

import dev.asap.space.Config;

/**
 * What is being tuned: evaluates one config. Throw {@link TrialFailedException} with a reason for a failed
 * evaluation and {@link TrialPrunedException} when the context asked to stop early; any other exception
 * also fails the trial, with its message kept.
 */
@FunctionalInterface
public interface Objective {
  Evaluation evaluate(Config config, TrialContext context) throws Exception;
}
