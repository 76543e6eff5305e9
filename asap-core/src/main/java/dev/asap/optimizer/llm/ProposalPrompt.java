package dev.asap.optimizer.llm;

import dev.asap.optimizer.History;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import java.util.List;

/**
 * Writes the single user message of a round (Zhang et al.'s compressed history): the task, the space, the
 * completed trials ({@link HistoryDigest}), the configs being evaluated, and the request for one config as a
 * JSON object; on a retry, the rejected answers and why they were rejected.
 */
final class ProposalPrompt {
  private final String task;
  private final String space;
  private final LlmProposerSettings settings;

  ProposalPrompt(String task, SearchSpace space, LlmProposerSettings settings) {
    this.task = task;
    this.space = describe(space);
    this.settings = settings;
  }

  /** The message of the round's first call. */
  String write(History history) {
    boolean minimise = history.direction() == Direction.MINIMIZE;
    StringBuilder out = new StringBuilder();
    out.append("You are tuning the hyperparameters of: ").append(task).append(".\n");
    out.append("Each configuration is evaluated to one objective value; ").append(minimise ? "lower" : "higher")
        .append(" is better.\n\n");
    out.append(space).append('\n');
    HistoryDigest digest = HistoryDigest.of(history, settings.bestShown(), settings.recentShown(),
        settings.maxHistoryChars());
    if (history.completed().isEmpty()) {
      out.append("No trial has completed yet.\n");
    } else {
      out.append("Completed trials (configuration -> objective value), ").append(digest.summary()).append(":\n");
      digest.lines().forEach(line -> out.append(line).append('\n'));
    }
    List<Trial> pending = history.pending();
    if (!pending.isEmpty()) {
      out.append("\nBeing evaluated now (do not repeat these):\n");
      pending.forEach(t -> out.append(PromptText.config(t.config().values())).append('\n'));
    }
    out.append("\nPropose the next configuration to evaluate: a new one, not listed above, that you expect to ")
        .append(history.completed().isEmpty() ? "do well" : "improve on the best so far")
        .append(". Answer with one JSON object only, mapping each active parameter to its value, e.g. ")
        .append("{\"name\": value, ...}; leave out parameters whose condition does not hold.");
    return out.toString();
  }

  /** The first message with every rejected answer of this round so far, and why it was rejected. */
  static String retry(String first, List<String> answers, List<String> reasons) {
    StringBuilder out = new StringBuilder(first).append('\n');
    for (int i = 0; i < answers.size(); i++) {
      out.append(i == answers.size() - 1 ? "\nYour last answer " : "\nAn earlier answer ")
          .append(PromptText.clip(answers.get(i))).append(" was rejected because ").append(reasons.get(i))
          .append('.');
    }
    return out.append(" Answer again with a valid new configuration as one JSON object.").toString();
  }

  private static String describe(SearchSpace space) {
    StringBuilder out = new StringBuilder("Search space (a parameter with a condition exists only when it holds):\n");
    for (Parameter p : space.parameters()) {
      out.append("- ").append(p.name()).append(": ").append(domain(p));
      Condition c = space.condition(p.name());
      if (c != null) {
        out.append("; only when ").append(describe(c));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String domain(Parameter p) {
    if (p instanceof FloatParameter f) {
      return "float in [" + PromptText.number(f.low()) + ", " + PromptText.number(f.high()) + "]"
          + (f.log() ? ", log scale" : "") + (f.step() != null ? ", in steps of " + PromptText.number(f.step()) : "");
    } else if (p instanceof IntParameter i) {
      return "integer in [" + i.low() + ", " + i.high() + "]" + (i.log() ? ", log scale" : "");
    } else if (p instanceof CategoricalParameter c) {
      return "one of " + PromptText.json(c.choices());
    }
    return "one of " + PromptText.json(((OrdinalParameter) p).values()) + " (ordered)";
  }

  private static String describe(Condition c) {
    if (c instanceof Condition.In in) {
      return in.values().size() == 1 ? in.parent() + " is " + PromptText.json(in.values().get(0))
          : in.parent() + " is one of " + PromptText.json(in.values());
    } else if (c instanceof Condition.AllOf all) {
      return String.join(" and ", all.parts().stream().map(ProposalPrompt::describe).toList());
    }
    return "(" + String.join(" or ", ((Condition.AnyOf) c).parts().stream().map(ProposalPrompt::describe).toList())
        + ")";
  }
}
