package dev.asap.bench.synthetic;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;

/**
 * A test function with a known global minimum: the classic way to measure an optimizer's quality by
 * regret (value found minus the optimum).
 */
public interface SyntheticFunction {

  /** Short, unique, e.g. {@code branin} or {@code rosenbrock-10}. */
  String name();

  SearchSpace space();

  /** The value to minimise. */
  double value(Config config);

  /** The global minimum. */
  double optimum();
}
