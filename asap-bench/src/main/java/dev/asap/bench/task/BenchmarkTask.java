package dev.asap.bench.task;

import dev.asap.objective.Objective;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import java.util.Objects;

/**
 * One benchmark problem: a search space, an objective that reports each evaluation's value and the seconds
 * it costs (simulated, from a formula, table or surrogate), and the best value known, against which regret
 * is measured.
 *
 * @param name             unique, as written in trial logs, e.g. {@code branin} or {@code yahpo-lcbench-189906}
 * @param family           the suite it belongs to, e.g. {@code synthetic}, {@code yahpo-lcbench}, {@code hpolib}
 * @param direction        how the objective's values are read; built-in tasks report losses (accuracies negated)
 * @param optimum          the best loss known (exact optimum, table minimum, or best value in a statistics
 *                         file), or null when unknown
 * @param referenceSamples how many uniformly random configs estimate the task's random median and evaluation
 *                         cost; 0 when evaluations are too costly to sample (external commands)
 */
public record BenchmarkTask(String name, String family, SearchSpace space, Direction direction, Objective objective,
    Double optimum, int referenceSamples) {

  public BenchmarkTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(objective, "objective");
    if (referenceSamples < 0) {
      throw new IllegalArgumentException("referenceSamples cannot be negative (got " + referenceSamples + ")");
    }
  }

  /** A task whose objective reports losses to minimise. */
  public static BenchmarkTask minimising(String name, String family, SearchSpace space, Objective objective,
      Double optimum) {
    return new BenchmarkTask(name, family, space, Direction.MINIMIZE, objective, optimum,
        TaskReference.DEFAULT_SAMPLES);
  }
}
