package dev.asap.cli;

import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A fixed-width table of trials: number, state, value, tool, evaluation seconds and the config (or error). */
final class TrialTable {
  private final SearchSpace space;

  TrialTable(SearchSpace space) {
    this.space = space;
  }

  void print(PrintStream out, List<Trial> trials, int limit) {
    int from = limit > 0 ? Math.max(0, trials.size() - limit) : 0;
    if (from > 0) {
      out.printf("(%d earlier trials not shown; --limit 0 shows all)%n", from);
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "state", "value", "tool", "eval s", "config / error"});
    for (Trial t : trials.subList(from, trials.size())) {
      rows.add(new String[] {String.valueOf(t.number()), t.state().name().toLowerCase(),
          t.value() == null ? "-" : Numbers.format(t.value()), t.tool(),
          String.format("%.2f", t.timings().evalSeconds()), detail(t)});
    }
    // Number, value and seconds align right.
    TextTable.print(out, rows, i -> i == 0 || i == 2 || i == 4);
  }

  private String detail(Trial t) {
    if (t.error() != null && t.value() == null) {
      String e = t.error();
      int nl = e.indexOf('\n');
      return nl < 0 ? e : e.substring(0, nl) + " ...";
    }
    List<String> parts = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      if (t.config().has(p.name())) {
        parts.add(p.name() + "=" + Numbers.format(t.config().get(p.name())));
      }
    }
    return String.join(" ", parts);
  }
}
