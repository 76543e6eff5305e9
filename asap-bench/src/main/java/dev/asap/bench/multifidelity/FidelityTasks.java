package dev.asap.bench.multifidelity;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.bench.task.yahpo.TargetStatistics;
import dev.asap.bench.task.yahpo.YahpoModel;
import dev.asap.bench.task.yahpo.YahpoScenario;
import dev.asap.bench.task.yahpo.YahpoTasks;
import dev.asap.schedule.Fidelity;
import dev.asap.space.Config;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The tasks with an epoch fidelity: YAHPO lcbench's learning curves and a synthetic learning-curve family. */
final class FidelityTasks {
  /** The YAHPO-SO v1 lcbench instances. */
  static final List<String> LCBENCH = List.of("167168", "189873", "189906");

  private FidelityTasks() {}

  /**
   * lcbench instance {@code instance}, fidelity {@code epoch} 1–52 (rungs 2, 6, 18, 52 with eta 3): the
   * surrogate's validation accuracy after each epoch, negated, and its cumulative training time.
   */
  static FidelityTask lcbench(Path scenarioDir, YahpoModel model, TargetStatistics statistics, String instance) {
    YahpoScenario scenario = YahpoScenario.LCBENCH;
    SearchSpace space = YahpoTasks.searchSpace(scenarioDir, scenario);
    int accuracy = scenario.outputIndex("val_accuracy");
    int time = scenario.outputIndex("time");
    LearningCurve curve = (config, epochs) -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int e = 1; e <= epochs; e++) {
        Map<String, Object> row = new HashMap<>(config.values());
        row.put(scenario.instanceParameter(), instance);
        row.put("epoch", (double) e);
        rows.add(row);
      }
      float[][] out = model.predict(rows);
      double[] losses = new double[epochs];
      double[] seconds = new double[epochs];
      for (int e = 0; e < epochs; e++) {
        losses[e] = -out[e][accuracy];
        // Cumulative by definition; the surrogate's estimate is kept from going back.
        seconds[e] = Math.max(e == 0 ? 0 : seconds[e - 1], Math.max(0, out[e][time]));
      }
      return new LearningCurve.Curve(losses, seconds);
    };
    OptionalDouble best = statistics.max(scenario.name(), instance, "val_accuracy");
    return new FidelityTask("lcbench-epochs-" + instance, "lcbench-epochs", space,
        new Fidelity("epoch", 1, 52, 3, true), curve, best.isPresent() ? -best.getAsDouble() : null);
  }

  /**
   * A synthetic learning curve over {@code f}: loss(x, e) = f(x) + s·A(x)·exp(−e/τ(x)), with an amplitude
   * A in [0.5, 1.5] and a time constant τ in [3, 15] epochs that depend on x, so the ranking after one epoch
   * differs from the final one (fast learners look good early); each epoch costs 10 to 20 seconds, also by x.
   * Fidelity: epochs 1–81, eta 3.
   */
  static FidelityTask synthetic(SyntheticFunction f, double scale) {
    SearchSpace space = f.space();
    LearningCurve curve = (config, epochs) -> {
      double[] u = unit(space, config);
      double sum = 0;
      for (double v : u) {
        sum += v;
      }
      double amplitude = 1 + 0.5 * Math.sin(5 * sum);
      double tau = 3 + 12 * (0.5 + 0.5 * Math.cos(7 * u[0] + 3 * u[u.length - 1]));
      double perEpoch = 10 * (1 + u[u.length - 1]);
      double value = f.value(config);
      double[] losses = new double[epochs];
      double[] seconds = new double[epochs];
      for (int e = 1; e <= epochs; e++) {
        losses[e - 1] = value + scale * amplitude * Math.exp(-e / tau);
        seconds[e - 1] = e * perEpoch;
      }
      return new LearningCurve.Curve(losses, seconds);
    };
    return new FidelityTask(f.name() + "-lc", "synthetic-lc", space, new Fidelity("epochs", 1, 81, 3, true),
        curve, f.optimum());
  }

  static List<FidelityTask> synthetic() {
    return List.of(synthetic(SyntheticFunctions.hartmann6(), 1.0), synthetic(SyntheticFunctions.branin(), 20.0));
  }

  private static double[] unit(SearchSpace space, Config config) {
    List<Parameter> parameters = space.parameters();
    double[] u = new double[parameters.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = parameters.get(i).toUnit(config.get(parameters.get(i).name()));
    }
    return u;
  }
}
