package dev.asap.bench.task;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.objective.Evaluation;
import java.util.List;

/**
 * The synthetic suite as benchmark tasks. Every evaluation is charged a fixed {@link #EVAL_SECONDS} of
 * simulated time, the order of a small training run, so that an optimizer that thinks for seconds per
 * proposal pays for it against wall-clock budgets.
 */
public final class SyntheticTasks {
  public static final String FAMILY = "synthetic";
  public static final double EVAL_SECONDS = 60;

  private SyntheticTasks() {}

  public static List<BenchmarkTask> all() {
    return SyntheticFunctions.all().stream().map(SyntheticTasks::task).toList();
  }

  public static BenchmarkTask task(SyntheticFunction f) {
    return BenchmarkTask.minimising(f.name(), FAMILY, f.space(),
        (config, context) -> Evaluation.withCost(f.value(config), EVAL_SECONDS), f.optimum());
  }
}
