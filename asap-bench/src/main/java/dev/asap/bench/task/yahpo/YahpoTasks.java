package dev.asap.bench.task.yahpo;

import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.task.TaskReference;
import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.space.format.ConfigSpaceJson;
import dev.asap.trial.Direction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The tasks of one YAHPO scenario, one per instance: the scenario's space without the instance and fidelity
 * parameters, the target as a loss (negated when maximised), the predicted runtime as the evaluation's cost,
 * and the best target value in the statistics file as the optimum.
 */
public final class YahpoTasks {
  private YahpoTasks() {}

  /** The searched space: the scenario's ConfigSpace minus the instance and fidelity parameters. */
  public static SearchSpace searchSpace(Path scenarioDir, YahpoScenario scenario) {
    SearchSpace full = ConfigSpaceJson.read(scenarioDir.resolve("config_space.json"));
    SearchSpace.Builder b = SearchSpace.builder();
    for (Parameter p : full.parameters()) {
      if (!isFixed(scenario, p.name())) {
        b.add(p);
      }
    }
    for (Map.Entry<String, Condition> e : full.conditions().entrySet()) {
      if (!isFixed(scenario, e.getKey())) {
        b.condition(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  /** The instances of the scenario, in the order of its config space. */
  public static List<String> instances(Path scenarioDir, YahpoScenario scenario) {
    SearchSpace full = ConfigSpaceJson.read(scenarioDir.resolve("config_space.json"));
    CategoricalParameter p = (CategoricalParameter) full.parameter(scenario.instanceParameter());
    return p.choices().stream().map(String::valueOf).toList();
  }

  /** One task per instance, all sharing {@code model}. */
  public static List<BenchmarkTask> all(Path scenarioDir, YahpoModel model, TargetStatistics statistics) {
    YahpoScenario scenario = model.scenario();
    SearchSpace space = searchSpace(scenarioDir, scenario);
    List<BenchmarkTask> tasks = new ArrayList<>();
    for (String instance : instances(scenarioDir, scenario)) {
      tasks.add(task(scenario, instance, space, model, statistics));
    }
    return tasks;
  }

  /** The task for one instance, e.g. {@code yahpo-lcbench-189906}. */
  public static BenchmarkTask task(YahpoScenario scenario, String instance, SearchSpace space, YahpoModel model,
      TargetStatistics statistics) {
    OptionalDouble best = scenario.targetMaximised() ? statistics.max(scenario.name(), instance, scenario.target())
        : statistics.min(scenario.name(), instance, scenario.target());
    Double optimum = best.isPresent() ? sign(scenario) * best.getAsDouble() : null;
    return new BenchmarkTask(scenario.family() + "-" + instance, scenario.family(), space, Direction.MINIMIZE,
        objective(scenario, instance, model), optimum, TaskReference.DEFAULT_SAMPLES);
  }

  /** Loss = target (negated when maximised); cost = the predicted runtime, never below zero. */
  static Objective objective(YahpoScenario scenario, String instance, YahpoModel model) {
    int target = scenario.outputIndex(scenario.target());
    int cost = scenario.outputIndex(scenario.costOutput());
    double sign = sign(scenario);
    return (config, context) -> {
      Map<String, Object> input = new HashMap<>(config.values());
      input.put(scenario.instanceParameter(), instance);
      input.putAll(scenario.fidelities());
      float[] out = model.predict(input);
      return Evaluation.withCost(sign * out[target], Math.max(0.0, out[cost]));
    };
  }

  private static double sign(YahpoScenario scenario) {
    return scenario.targetMaximised() ? -1 : 1;
  }

  private static boolean isFixed(YahpoScenario scenario, String parameter) {
    return parameter.equals(scenario.instanceParameter()) || scenario.fidelities().containsKey(parameter);
  }
}
