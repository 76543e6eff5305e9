package dev.asap.objective;

import java.util.Map;

/**
 * The result of one evaluation: the objective value, optionally the seconds to charge for it (a benchmark's
 * simulated training time; null means "what it really took") and extra data to keep on the trial.
 *
 * <p>An evaluation is <b>infeasible</b> when the config cannot be run at all (out of memory, a divisibility
 * rule, a shape the model does not accept): it has no value, only the reason. That is a result the tools learn
 * from (where not to look), not a broken objective; build it with {@link #infeasible(String, Double)}.
 *
 * @param value            the objective value; NaN for an infeasible evaluation
 * @param infeasibleReason why the config is infeasible, or null for a feasible evaluation
 */
public record Evaluation(double value, Double costSeconds, Map<String, Object> attributes, String infeasibleReason) {
  /**
   * The attribute of an infeasible evaluation that says how far its config is from running (memory needed over
   * the limit, say; 0 would run): with it the tools can head for the feasible region before they have found it.
   */
  public static final String VIOLATION = "violation";

  public Evaluation {
    attributes = Map.copyOf(attributes);
    if (infeasibleReason != null && infeasibleReason.isBlank()) {
      throw new IllegalArgumentException("an infeasible evaluation needs a reason (got a blank one)");
    }
  }

  /** A feasible evaluation. */
  public Evaluation(double value, Double costSeconds, Map<String, Object> attributes) {
    this(value, costSeconds, attributes, null);
  }

  public static Evaluation of(double value) {
    return new Evaluation(value, null, Map.of());
  }

  public static Evaluation withCost(double value, double costSeconds) {
    return new Evaluation(value, costSeconds, Map.of());
  }

  /**
   * The config cannot be run: the trial becomes INFEASIBLE with {@code reason}.
   *
   * @param costSeconds the seconds the attempt cost (an OOM after a minute of start-up), charged on the
   *                    simulated clock; null means "what it really took"
   */
  public static Evaluation infeasible(String reason, Double costSeconds) {
    return new Evaluation(Double.NaN, costSeconds, Map.of(), reason == null ? "infeasible" : reason);
  }

  /**
   * The config cannot be run, and {@code violation} (a number > 0) says how far it is from running, e.g.
   * memory needed / memory available − 1. Kept on the trial as the attribute {@value #VIOLATION}.
   */
  public static Evaluation infeasible(String reason, Double costSeconds, double violation) {
    if (!(violation > 0) || !Double.isFinite(violation)) {
      throw new IllegalArgumentException("a violation must be a finite number > 0 (got " + violation + ")");
    }
    return infeasible(reason, costSeconds).withAttributes(Map.of(VIOLATION, violation));
  }

  /** The same evaluation with more attributes kept on the trial. */
  public Evaluation withAttributes(Map<String, Object> more) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(attributes);
    all.putAll(more);
    return new Evaluation(value, costSeconds, all, infeasibleReason);
  }

  public boolean isFeasible() {
    return infeasibleReason == null;
  }
}
