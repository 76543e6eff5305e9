package dev.asap.integrator.llm;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Prediction;
import dev.asap.optimizer.Proposal;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the judge's prompts so that the server can reuse its KV cache from one round to the next: a fixed
 * head (instructions, task, space, tools), then the history as append-only lines (a finished trial is
 * written once, in the order this log first sees it, and never rewritten), then the round's candidates and
 * the question. Numbers are formatted deterministically and no line carries a timestamp, so the text before
 * the candidates of round t is a prefix of the prompt of round t + 1.
 *
 * <p>The history has a budget of characters. When a line would exceed it, the history is rewritten once into a
 * summary (counts by tool and outcome, and the best trials), and lines are appended after the summary again:
 * the prefix is then stable until the next rewrite, rewrites are counted ({@link #rewrites}), and the prompt
 * never outgrows a model's context.
 */
public final class PromptLog {
  static final String INSTRUCTIONS = """
      You are the judge of a hyperparameter optimisation run. Each round, several optimisation tools each \
      propose one configuration; you choose the one to evaluate next. Aim for the best objective value at the \
      end of the run: exploit what the history shows works, explore when the tools disagree or the history is \
      thin, and prefer tools whose recent proposals did well. Answer with JSON only: \
      {"choice": "<candidate id>", "reason": "<one short sentence>"}.""";

  /** About 6,000 tokens of history: room for a few hundred trials in an 8k context with the head and question. */
  public static final int DEFAULT_HISTORY_CHARS = 24_000;
  /** The best trials a summary keeps line by line. */
  static final int SUMMARY_BEST = 10;

  private final String head;
  private final boolean minimise;
  private final int historyChars;
  private final StringBuilder history = new StringBuilder();
  private final Set<Integer> logged = new HashSet<>();
  /** Every finished trial this log has seen, for the summaries. */
  private final List<Trial> seen = new ArrayList<>();
  private int lines;
  private int rewrites;

  public PromptLog(String task, SearchSpace space, List<String> tools, boolean minimise) {
    this(task, space, tools, minimise, DEFAULT_HISTORY_CHARS);
  }

  /** @param historyChars the most characters of history the prompt carries (at least 1,000) */
  public PromptLog(String task, SearchSpace space, List<String> tools, boolean minimise, int historyChars) {
    if (historyChars < 1000) {
      throw new IllegalArgumentException("the history budget must be at least 1000 characters, got " + historyChars);
    }
    this.minimise = minimise;
    this.historyChars = historyChars;
    StringBuilder h = new StringBuilder();
    h.append("Task: ").append(task).append(" (").append(minimise ? "minimise" : "maximise")
        .append(" the objective value)\n");
    h.append("Search space:\n");
    for (Parameter p : space.parameters()) {
      h.append("- ").append(describe(p));
      Condition c = space.condition(p.name());
      if (c != null) {
        h.append(", only when ").append(describe(c));
      }
      h.append('\n');
    }
    h.append("Tools: ").append(String.join(", ", tools)).append('\n');
    h.append("History (trial, tool, value, config), in order of completion:\n");
    this.head = h.toString();
  }

  /** An independent copy (for a forked judge): same text, and what either appends later stays its own. */
  public synchronized PromptLog copy() {
    PromptLog c = new PromptLog(head, minimise, historyChars);
    c.history.append(history);
    c.logged.addAll(logged);
    c.seen.addAll(seen);
    c.lines = lines;
    c.rewrites = rewrites;
    return c;
  }

  private PromptLog(String head, boolean minimise, int historyChars) {
    this.head = head;
    this.minimise = minimise;
    this.historyChars = historyChars;
  }

  /**
   * Appends the trials that finished since the last call; earlier lines are never touched, except by a
   * rewrite when the history reaches its budget.
   */
  public synchronized void update(History h) {
    for (Trial t : h.trials()) {
      if (t.state() != TrialState.RUNNING && logged.add(t.number())) {
        seen.add(t);
        String line = line(t) + '\n';
        if (history.length() + line.length() > historyChars) {
          rewrite();
        } else {
          history.append(line);
        }
        lines++;
      }
    }
  }

  /** How often the history was rewritten into a summary: each one costs the server its cached prefix once. */
  public synchronized int rewrites() {
    return rewrites;
  }

  /** Replaces the history by a summary of every trial seen, at most half the budget long. */
  private void rewrite() {
    rewrites++;
    history.setLength(0);
    java.util.Map<String, int[]> byTool = new java.util.TreeMap<>();
    for (Trial t : seen) {
      int[] c = byTool.computeIfAbsent(t.tool(), k -> new int[2]);
      c[0]++;
      c[1] += t.state() == TrialState.COMPLETE ? 1 : 0;
    }
    history.append("Summary of trials #").append(seen.stream().mapToInt(Trial::number).min().orElse(0))
        .append(" to #").append(seen.stream().mapToInt(Trial::number).max().orElse(0)).append(" (")
        .append(seen.size()).append(" trials; by tool, trials/complete:");
    byTool.forEach((tool, c) -> history.append(' ').append(tool).append(' ').append(c[0]).append('/').append(c[1]));
    history.append("). The best of them:\n");
    List<Trial> best = new ArrayList<>(seen.stream().filter(t -> t.state() == TrialState.COMPLETE).toList());
    best.sort(java.util.Comparator.comparingDouble((Trial t) -> minimise ? t.value() : -t.value()));
    for (Trial t : best.subList(0, Math.min(SUMMARY_BEST, best.size()))) {
      String line = line(t) + '\n';
      if (history.length() + line.length() > historyChars / 2) {
        break;
      }
      history.append(line);
    }
    history.append("Later trials:\n");
  }

  /** The stable part of the prompt: head and every history line so far. */
  public synchronized String prefix() {
    return head + history;
  }

  public synchronized int historyLines() {
    return lines;
  }

  /** The whole user message for a round: the stable prefix, then the candidates and the question. */
  public String prompt(List<Proposal> candidates, List<String> ids) {
    StringBuilder tail = new StringBuilder("Candidates this round:\n");
    for (int i = 0; i < candidates.size(); i++) {
      Proposal p = candidates.get(i);
      tail.append(ids.get(i)).append(": tool=").append(p.tool());
      Prediction pr = p.prediction();
      if (pr != null) {
        tail.append(" predicted=").append(number(pr.mean())).append("±").append(number(pr.spread()));
      }
      tail.append(' ').append(config(p.config().values())).append('\n');
    }
    tail.append("Which candidate should be evaluated next? Answer with JSON only.");
    return prefix() + tail;
  }

  public static String instructions() {
    return INSTRUCTIONS;
  }

  private static String line(Trial t) {
    String value = switch (t.state()) {
      case COMPLETE -> number(t.value());
      case PRUNED -> "pruned";
      case INFEASIBLE -> "infeasible";
      case INTERRUPTED -> "interrupted (not evaluated)";
      default -> "failed";
    };
    return "#" + t.number() + " " + t.tool() + " " + value + " " + config(t.config().values());
  }

  private static String config(Map<String, Object> values) {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + (v instanceof Double d ? number(d) : String.valueOf(v))));
    return String.join(" ", parts);
  }

  /** Six significant digits, locale-independent: the same number always prints the same way. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String describe(Parameter p) {
    if (p instanceof FloatParameter f) {
      return f.name() + ": float in [" + number(f.low()) + ", " + number(f.high()) + "]" + (f.log() ? " log" : "")
          + (f.step() != null ? " step " + number(f.step()) : "");
    } else if (p instanceof IntParameter i) {
      return i.name() + ": int in [" + i.low() + ", " + i.high() + "]" + (i.log() ? " log" : "");
    } else if (p instanceof CategoricalParameter c) {
      return c.name() + ": one of " + c.choices();
    }
    OrdinalParameter o = (OrdinalParameter) p;
    return o.name() + ": ordered " + o.values();
  }

  private static String describe(Condition c) {
    if (c instanceof Condition.In in) {
      return in.parent() + " in " + in.values();
    } else if (c instanceof Condition.AllOf all) {
      return String.join(" and ", all.parts().stream().map(PromptLog::describe).toList());
    }
    return String.join(" or ", ((Condition.AnyOf) c).parts().stream().map(PromptLog::describe).toList());
  }
}
