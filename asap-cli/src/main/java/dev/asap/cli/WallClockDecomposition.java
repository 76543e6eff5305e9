package dev.asap.cli;

import dev.asap.trial.Trial;
import dev.asap.study.WallClockBreakdown;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints where a study's time went: evaluation, proposing paid on the critical path (tools and judge),
 * proposing hidden under evaluations by speculation, recording; and for a pool, each tool's own compute time
 * and the judge's.
 */
final class WallClockDecomposition {
  private WallClockDecomposition() {}

  static void print(PrintStream out, List<Trial> trials) {
    WallClockBreakdown time = WallClockBreakdown.of(trials);
    out.printf("Time:   evaluation %s, proposing paid %s, hidden by speculation %s, recording %s%n",
        Numbers.seconds(time.evaluationSeconds()), Numbers.seconds(time.paidSeconds()),
        Numbers.seconds(time.hiddenSeconds()), Numbers.seconds(time.recordingSeconds()));
    if (!time.toolSeconds().isEmpty()) {
      StringBuilder line = new StringBuilder("        pool: judge ").append(Numbers.seconds(time.judgeSeconds()));
      time.toolSeconds().forEach((tool, s) -> line.append(", ").append(tool).append(' ').append(Numbers.seconds(s)));
      out.println(line.append(" (tools run in parallel; paid and hidden include them)"));
    }
  }
}
