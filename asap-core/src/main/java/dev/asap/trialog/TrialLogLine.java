package dev.asap.trialog;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the benchmark trial log (JSON Lines) that outside scorers read: every finished trial with
 * its config, its value as a loss (maximised objectives are negated) and its measured timings.
 */
public final class TrialLogLine {
  /** The trial attribute with the seed of the run that proposed it. */
  public static final String SEED = "seed";

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

  /**
   * The trials a log has lines for, in order of completion (end time, then number): finished and not
   * interrupted, since an interrupted trial was never evaluated.
   */
  public static java.util.List<Trial> inCompletionOrder(java.util.List<Trial> trials) {
    java.util.List<Trial> finished = new java.util.ArrayList<>();
    for (Trial t : trials) {
      if (t.state().isFinished() && !t.wasInterrupted()) {
        finished.add(t);
      }
    }
    finished.sort(java.util.Comparator.comparingDouble((Trial t) -> Double.isFinite(t.end()) ? t.end()
        : Double.MAX_VALUE).thenComparingInt(Trial::number));
    return finished;
  }

  /** The optimizer that proposed {@code t} as the trial records it, else {@code fallback}. */
  public static String optimizerOf(Trial t, String fallback) {
    Object name = t.attributes().get("optimizer");
    return name == null ? fallback : name.toString();
  }

  /** The seed of the run that proposed {@code t} as the trial records it, else {@code fallback}. */
  public static long seedOf(Trial t, long fallback) {
    return t.attributes().get(SEED) instanceof Number n ? n.longValue() : fallback;
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
