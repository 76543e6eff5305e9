package dev.asap.cli;

import dev.asap.study.Trial;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a study's time went, from what its trials recorded: evaluation, proposing paid on the critical path
 * (tools and judge), proposing hidden under evaluations by speculation, recording; and for a pool, each
 * tool's own compute time and the judge's.
 */
final class WallClockDecomposition {
  private WallClockDecomposition() {}

  static void print(PrintStream out, List<Trial> trials) {
    double eval = 0;
    double paid = 0;
    double tell = 0;
    double hidden = 0;
    double judge = 0;
    Map<String, Double> tools = new TreeMap<>();
    for (Trial t : trials) {
      eval += t.timings().evalSeconds();
      paid += t.timings().askSeconds();
      tell += t.timings().tellSeconds();
      hidden += number(t.attributes().get("hidden_seconds"));
      judge += number(t.attributes().get("judge_seconds"));
      if (t.attributes().get("tool_seconds") instanceof Map<?, ?> perTool) {
        perTool.forEach((tool, s) -> tools.merge(String.valueOf(tool), number(s), Double::sum));
      }
    }
    out.printf("Time:   evaluation %s, proposing paid %s, hidden by speculation %s, recording %s%n",
        Numbers.seconds(eval), Numbers.seconds(paid), Numbers.seconds(hidden), Numbers.seconds(tell));
    if (!tools.isEmpty()) {
      StringBuilder line = new StringBuilder("        pool: judge ").append(Numbers.seconds(judge));
      tools.forEach((tool, s) -> line.append(", ").append(tool).append(' ').append(Numbers.seconds(s)));
      out.println(line.append(" (tools run in parallel; paid and hidden include them)"));
    }
  }

  private static double number(Object o) {
    return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0;
  }
}
