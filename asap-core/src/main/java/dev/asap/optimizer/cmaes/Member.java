package dev.asap.optimizer.cmaes;

import dev.asap.space.Config;

/**
 * One point of a generation.
 *
 * @param x          the Gaussian coordinates the update uses (the raw sample, or an injected point)
 * @param choices    categorical choices, -1 where the parameter is inactive in {@code config}
 * @param config     what was (or will be) evaluated
 * @param generation the id of the generation it belongs to
 */
record Member(double[] x, int[] choices, Config config, long generation) {}
