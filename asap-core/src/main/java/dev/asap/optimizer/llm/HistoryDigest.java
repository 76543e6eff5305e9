package dev.asap.optimizer.llm;

import dev.asap.optimizer.History;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The completed trials as the prompt shows them: all of them, best first, while they are few; else the best
 * ones by value and then the most recent others, so that the prompt stays within a budget however long the
 * study runs. Lines past the character cap are left out, the most recent first.
 */
final class HistoryDigest {
  private final List<String> lines;
  private final String summary;

  private HistoryDigest(List<String> lines, String summary) {
    this.lines = List.copyOf(lines);
    this.summary = summary;
  }

  static HistoryDigest of(History history, int best, int recent, int maxChars) {
    List<Trial> completed = history.completed();
    List<Trial> byValue = new ArrayList<>(completed);
    byValue.sort(Comparator.comparingDouble(history::loss).thenComparingInt(Trial::number));
    List<Trial> chosen;
    String selection;
    if (completed.size() <= best + recent) {
      chosen = byValue;
      selection = "all of them, best first";
    } else {
      chosen = new ArrayList<>(byValue.subList(0, best));
      Set<Integer> shown = new HashSet<>();
      chosen.forEach(t -> shown.add(t.number()));
      List<Trial> others = completed.stream().filter(t -> !shown.contains(t.number())).toList();
      List<Trial> latest = others.subList(others.size() - recent, others.size());
      chosen.addAll(latest);
      selection = "the " + best + " best first, then the " + latest.size() + " most recent others";
    }
    List<String> lines = new ArrayList<>();
    int chars = 0;
    for (Trial t : chosen) {
      String line = PromptText.config(t.config().values()) + " -> " + PromptText.number(t.value());
      if (chars + line.length() + 1 > maxChars) {
        break;
      }
      lines.add(line);
      chars += line.length() + 1;
    }
    String summary = completed.size() + " in total; shown: " + selection;
    int omitted = chosen.size() - lines.size();
    if (omitted > 0) {
      summary += " (" + omitted + " of those left out to keep the prompt short)";
    }
    return new HistoryDigest(lines, summary);
  }

  /** One {@code name=value ... -> objective} line per shown trial. */
  List<String> lines() {
    return lines;
  }

  /** How many trials there are and which ones are shown. */
  String summary() {
    return summary;
  }
}
