package dev.asap.bench.task.yahpo;

import java.util.List;
import java.util.Map;

/**
 * How one YAHPO Gym v1 scenario's surrogate is fed and read: the order of its categorical and continuous
 * inputs, its outputs, the instance parameter, the fidelities (fixed at their maximum) and which output is
 * the target and which the evaluation's runtime.
 *
 * @param targetMaximised true when the target is a score (accuracy) that the task negates into a loss
 */
public record YahpoScenario(String name, String instanceParameter, List<String> categorical, List<String> continuous,
    List<String> outputs, Map<String, Double> fidelities, String target, boolean targetMaximised, String costOutput) {

  /** Auto-PyTorch MLPs on 34 OpenML tasks; maximise {@code val_accuracy}, runtime {@code time} at epoch 52. */
  public static final YahpoScenario LCBENCH = new YahpoScenario("lcbench", "OpenML_task_id",
      List.of("OpenML_task_id"),
      List.of("epoch", "batch_size", "learning_rate", "momentum", "weight_decay", "num_layers", "max_units",
          "max_dropout"),
      List.of("time", "val_accuracy", "val_cross_entropy", "val_balanced_accuracy", "test_cross_entropy",
          "test_balanced_accuracy"),
      Map.of("epoch", 52.0), "val_accuracy", true, "time");

  /** XGBoost on 119 OpenML tasks (conditional space); maximise {@code acc}, runtime {@code timetrain}. */
  public static final YahpoScenario RBV2_XGBOOST = new YahpoScenario("rbv2_xgboost", "task_id",
      List.of("task_id", "booster", "num.impute.selected.cpo"),
      List.of("nrounds", "eta", "gamma", "lambda", "alpha", "subsample", "max_depth", "min_child_weight",
          "colsample_bytree", "colsample_bylevel", "rate_drop", "skip_drop", "trainsize", "repl"),
      List.of("acc", "bac", "auc", "brier", "f1", "logloss", "timetrain", "timepredict", "memory"),
      Map.of("trainsize", 1.0, "repl", 10.0), "acc", true, "timetrain");

  public YahpoScenario {
    categorical = List.copyOf(categorical);
    continuous = List.copyOf(continuous);
    outputs = List.copyOf(outputs);
    fidelities = Map.copyOf(fidelities);
  }

  public static List<YahpoScenario> all() {
    return List.of(LCBENCH, RBV2_XGBOOST);
  }

  /** The benchmark family name, e.g. {@code yahpo-lcbench}. */
  public String family() {
    return "yahpo-" + name;
  }

  public int outputIndex(String output) {
    int i = outputs.indexOf(output);
    if (i < 0) {
      throw new IllegalArgumentException("scenario " + name + " has no output '" + output + "'; it has " + outputs);
    }
    return i;
  }
}
