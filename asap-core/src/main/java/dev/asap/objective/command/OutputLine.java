package dev.asap.objective.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What one line of a command's stdout means under the output protocol. */
sealed interface OutputLine permits OutputLine.Step, OutputLine.Metric, OutputLine.Infeasible, OutputLine.Log {

  /** An intermediate value: {@code {"step": s, "value": v}}. */
  record Step(long step, double value) implements OutputLine {}

  /**
   * A candidate for the final metric: a bare number, or a JSON object with {@code "value"} and no
   * {@code "step"}. Only the last one counts, so checking its value and cost is left to the caller.
   *
   * @param cost       the raw {@code "cost"} field, or null when absent
   * @param attributes the object's other number and string fields
   */
  record Metric(double value, JsonNode cost, Map<String, Object> attributes) implements OutputLine {
    public Metric {
      attributes = Map.copyOf(attributes);
    }
  }

  /**
   * The config cannot be run: {@code {"feasible": false, "reason": "...", "cost": s}}, or {@code {"value": null}}.
   * Like a metric, only the last result line counts.
   *
   * @param reason the objective's reason, or a description of the line when it gave none
   * @param cost   the raw {@code "cost"} field, or null when absent
   */
  record Infeasible(String reason, JsonNode cost, Map<String, Object> attributes) implements OutputLine {
    public Infeasible {
      attributes = Map.copyOf(attributes);
    }
  }

  /** Anything else: logging, which the protocol ignores. */
  enum Log implements OutputLine {
    INSTANCE
  }
}
