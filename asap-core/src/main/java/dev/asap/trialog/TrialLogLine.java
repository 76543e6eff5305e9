package dev.asap.trialog;

import dev.asap.study.Direction;
import dev.asap.study.Trial;
import dev.asap.study.TrialState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the benchmark trial log (JSON Lines) that outside scorers read: every finished trial with
 * its config, its value as a loss (maximised objectives are negated) and its measured timings.
 */
public final class TrialLogLine {
  private TrialLogLine() {}

  /**
   * @param index 0-based position of the trial in order of completion
   */
  public static Map<String, Object> of(Trial t, int index, Direction direction, String optimizer, String task,
      long seed) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("optimizer", optimizer);
    line.put("task", task);
    line.put("seed", seed);
    line.put("trial", index);
    line.put("config", t.config().values());
    boolean complete = t.state() == TrialState.COMPLETE;
    line.put("value", complete ? direction.toLoss(t.value()) : null);
    line.put("eval_seconds", t.timings().evalSeconds());
    line.put("ask_seconds", t.timings().askSeconds());
    line.put("tell_seconds", t.timings().tellSeconds());
    if (t.attributes().get("hidden_seconds") instanceof Number hidden) {
      line.put("hidden_seconds", hidden.doubleValue());
    }
    line.put("tool", t.tool());
    line.put("worker", t.worker());
    line.put("start", finiteOrNull(t.start()));
    line.put("end", finiteOrNull(t.end()));
    line.put("number", t.number());
    line.put("state", t.state().name().toLowerCase());
    if (t.value() != null) {
      line.put("raw_value", t.value());
    }
    line.put("direction", direction.name().toLowerCase());
    if (t.state() == TrialState.INFEASIBLE) {
      line.put("reason", t.error());
    } else if (!complete && t.error() != null) {
      line.put("error", t.error());
    }
    return line;
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
