package dev.asap.loop;

import dev.asap.objective.FailureKind;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a broken objective from a hard space, so that a run stops early only for the first. It looks at the
 * failures of this run while nothing in the study has ever worked (no complete, pruned or infeasible trial:
 * an infeasible trial means the objective ran and answered). After {@code threshold} such failures in a row
 * it stops when they look like one mistake:
 * <ul>
 *   <li><b>cannot run</b>: the command could not be started, or the shell could not find or execute it;</li>
 *   <li><b>no metric</b>: every one ended without printing a metric (the output protocol is not followed);</li>
 *   <li><b>same error</b>: every one failed with the same message (numbers aside).</li>
 * </ul>
 * Failures that differ (configs that crash in different ways) go on until {@code limit} in a row: <b>nothing
 * works</b>. Interrupted trials are not failures of the objective and are ignored.
 */
final class BrokenObjectiveRule {
  private static final Pattern NUMBERS = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final int threshold;
  private final int limit;
  private final List<Failure> streak = new ArrayList<>();

  private record Failure(String kind, String error) {}

  /**
   * @param threshold failures in a row after which a uniform pattern stops the run
   * @param limit     failures in a row after which the run stops whatever they look like
   */
  BrokenObjectiveRule(int threshold, int limit) {
    if (threshold < 1 || limit < threshold) {
      throw new IllegalArgumentException("need 1 <= threshold <= limit, got " + threshold + " and " + limit);
    }
    this.threshold = threshold;
    this.limit = limit;
  }

  /** Takes one finished trial of this run into account. */
  void record(Completion c) {
    if (c.state() == TrialState.FAILED) {
      Object kind = c.attributes().get(EvaluationResult.FAILURE_ATTRIBUTE);
      streak.add(new Failure(kind == null ? FailureKind.OTHER.label() : kind.toString(),
          c.error() == null ? "" : c.error()));
    } else if (c.state() != TrialState.INTERRUPTED) {
      streak.clear();
    }
  }

  /** Why the run should stop now, naming the rule that fired, or null to go on. */
  String verdict(List<Trial> studyTrials) {
    if (streak.size() < threshold || studyTrials.stream().anyMatch(BrokenObjectiveRule::showsItWorks)) {
      return null;
    }
    String last = streak.get(streak.size() - 1).error();
    int n = streak.size();
    if (streak.stream().allMatch(f -> f.kind().equals(FailureKind.NOT_RUNNABLE.label()))) {
      return "the objective looks broken (rule 'cannot run': the command of the first " + n
          + " trials could not be run); the last error: " + last;
    }
    if (streak.stream().allMatch(f -> f.kind().equals(FailureKind.NO_METRIC.label()))) {
      return "the objective looks broken (rule 'no metric': none of the first " + n + " trials printed a metric)"
          + "; the last error: " + last;
    }
    Set<String> shapes = new HashSet<>();
    for (Failure f : streak) {
      shapes.add(shape(f.error()));
    }
    if (shapes.size() == 1) {
      return "the objective looks broken (rule 'same error': the first " + n + " trials all failed with the same "
          + "error): " + last;
    }
    if (n >= limit) {
      return "the objective looks broken (rule 'nothing works': the first " + n + " trials all failed, with "
          + shapes.size() + " different errors, and none completed or was infeasible); the last error: " + last;
    }
    return null;
  }

  private static boolean showsItWorks(Trial t) {
    return t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED || t.state() == TrialState.INFEASIBLE;
  }

  /** The error with numbers and spacing made uniform: "exit 1 at step 31" and "exit 1 at step 7" match. */
  private static String shape(String error) {
    return SPACES.matcher(NUMBERS.matcher(error).replaceAll("#")).replaceAll(" ").strip();
  }
}
