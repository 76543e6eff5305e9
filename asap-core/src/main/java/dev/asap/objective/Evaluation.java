package dev.asap.objective;

import java.util.Map;

/**
 * The result of one evaluation: the objective value, optionally the seconds to charge for it (a benchmark's
 * simulated training time; null means "what it really took") and extra data to keep on the trial.
 */
public record Evaluation(double value, Double costSeconds, Map<String, Object> attributes) {
  public Evaluation {
    attributes = Map.copyOf(attributes);
  }

  public static Evaluation of(double value) {
    return new Evaluation(value, null, Map.of());
  }

  public static Evaluation withCost(double value, double costSeconds) {
    return new Evaluation(value, costSeconds, Map.of());
  }
}
