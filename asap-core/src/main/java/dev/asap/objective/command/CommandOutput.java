package dev.asap.objective.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asap.objective.Evaluation;
import dev.asap.objective.FailureKind;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialFailedException;

/**
 * Follows a command's stdout line by line: reports intermediate values to the trial as they arrive and
 * remembers the last metric line, which becomes the {@link Evaluation} once the command has finished.
 */
final class CommandOutput {
  private static final int MAX_QUOTED_CHARS = 200;

  private final TrialContext context;
  private final MetricLineParser parser = new MetricLineParser();
  /** The last result line: a {@link OutputLine.Metric} or an {@link OutputLine.Infeasible}. */
  private OutputLine result;
  private long stepLines;
  private String lastLine;

  CommandOutput(TrialContext context) {
    this.context = context;
  }

  /** Takes one line; true when it reported a step (after which a scheduler may want the trial stopped). */
  boolean accept(String line) {
    if (!line.isBlank()) {
      lastLine = line;
    }
    OutputLine parsed = parser.parse(line);
    if (parsed instanceof OutputLine.Step step) {
      stepLines++;
      // Pruners compare intermediate values, which NaN and infinities cannot take part in; the final
      // metric decides whether the trial failed.
      if (Double.isFinite(step.value())) {
        context.report(step.step(), step.value());
        return true;
      }
    } else if (parsed instanceof OutputLine.Metric || parsed instanceof OutputLine.Infeasible) {
      result = parsed;
    }
    return false;
  }

  /** True when the last result line said the config is infeasible. */
  boolean reportedInfeasible() {
    return result instanceof OutputLine.Infeasible;
  }

  /**
   * The seconds the last result line reported as its cost, or null when it reported no number: what a failed
   * or infeasible attempt is charged (the run loop checks it like any reported cost).
   */
  Double reportedCost() {
    JsonNode cost = result instanceof OutputLine.Metric m ? m.cost()
        : result instanceof OutputLine.Infeasible i ? i.cost() : null;
    return cost == null || !cost.isNumber() ? null : cost.doubleValue();
  }

  /**
   * The evaluation given by the last result line (a metric, or an infeasible config), or the reason there is
   * none that can be used.
   */
  Evaluation evaluation() throws TrialFailedException {
    if (result instanceof OutputLine.Infeasible i) {
      return Evaluation.infeasible(i.reason(), cost(i.cost())).withAttributes(i.attributes());
    }
    if (!(result instanceof OutputLine.Metric metric)) {
      throw new TrialFailedException(noMetricReason(), FailureKind.NO_METRIC, null, null);
    }
    double value = metric.value();
    if (Double.isNaN(value)) {
      throw new TrialFailedException("metric is NaN", FailureKind.BAD_RESULT, reportedCost(), null);
    }
    if (Double.isInfinite(value)) {
      throw new TrialFailedException("metric is infinite (" + value + ")", FailureKind.BAD_RESULT, reportedCost(),
          null);
    }
    return new Evaluation(value, cost(metric.cost()), metric.attributes());
  }

  private static Double cost(JsonNode cost) throws TrialFailedException {
    if (cost == null) {
      return null;
    }
    if (!cost.isNumber()) {
      throw new TrialFailedException("\"cost\" must be a number of seconds, got " + cost, FailureKind.BAD_RESULT,
          null, null);
    }
    double seconds = cost.doubleValue();
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new TrialFailedException("\"cost\" must be a finite number of seconds >= 0, got " + seconds,
          FailureKind.BAD_RESULT, null, null);
    }
    return seconds;
  }

  private String noMetricReason() {
    StringBuilder reason = new StringBuilder(
        "no metric: print a number or {\"value\": v} as the last line of stdout");
    if (stepLines > 0) {
      reason.append("; only intermediate {\"step\": s, \"value\": v} lines were printed (").append(stepLines)
          .append("), and those do not count as the metric");
    } else if (lastLine == null) {
      reason.append("; stdout was empty");
    } else {
      String shown = lastLine.length() > MAX_QUOTED_CHARS
          ? lastLine.substring(0, MAX_QUOTED_CHARS) + "..." : lastLine;
      reason.append("; the last line of stdout was: ").append(shown);
    }
    return reason.toString();
  }
}
