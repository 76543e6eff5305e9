package dev.asap.study;

import dev.asap.trial.Trial;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a study's time went, summed over its trials from what each recorded: evaluation, proposing paid on the
 * critical path, proposing hidden under evaluations by speculation, recording; and what proposing was made of
 * for a pool: the judge's time, each tool's own compute time and the wall time of the pool's rounds.
 *
 * <p>Paid and hidden proposing include the tools, the judge and any modelled latency: those are parts of the
 * same proposing seconds, not extra ones. Tools of a pool run in parallel, so their seconds add up to more than
 * the rounds took.
 *
 * @param evaluationSeconds evaluation time (measured, or the cost charged in a simulated run)
 * @param paidSeconds       proposing time the run waited for
 * @param hiddenSeconds     proposing time prepared by speculation while an evaluation ran
 * @param recordingSeconds  time spent writing results to the store
 * @param judgeSeconds      the pool's judge, as measured
 * @param latencySeconds    proposal latency modelled by a simulated run (a stand-in for a slow judge)
 * @param poolSeconds       wall time of the pool's rounds, all tools proposing at once
 * @param toolSeconds       each tool's own compute time, by tool name
 */
public record WallClockBreakdown(double evaluationSeconds, double paidSeconds, double hiddenSeconds,
    double recordingSeconds, double judgeSeconds, double latencySeconds, double poolSeconds,
    SortedMap<String, Double> toolSeconds) {

  public WallClockBreakdown {
    toolSeconds = Collections.unmodifiableSortedMap(new TreeMap<>(toolSeconds));
  }

  /** Sums what the trials recorded in their timings and attributes; missing or non-numeric values count 0. */
  public static WallClockBreakdown of(List<Trial> trials) {
    double eval = 0;
    double paid = 0;
    double tell = 0;
    double hidden = 0;
    double judge = 0;
    double latency = 0;
    double pool = 0;
    SortedMap<String, Double> tools = new TreeMap<>();
    for (Trial t : trials) {
      eval += t.timings().evalSeconds();
      paid += t.timings().askSeconds();
      tell += t.timings().tellSeconds();
      Map<String, Object> a = t.attributes();
      hidden += number(a.get("hidden_seconds"));
      judge += number(a.get("judge_seconds"));
      latency += number(a.get("latency_seconds"));
      pool += number(a.get("pool_seconds"));
      if (a.get("tool_seconds") instanceof Map<?, ?> perTool) {
        perTool.forEach((tool, s) -> tools.merge(String.valueOf(tool), number(s), Double::sum));
      }
    }
    return new WallClockBreakdown(eval, paid, hidden, tell, judge, latency, pool, tools);
  }

  /** Both breakdowns summed, e.g. over several runs. */
  public WallClockBreakdown plus(WallClockBreakdown other) {
    SortedMap<String, Double> tools = new TreeMap<>(toolSeconds);
    other.toolSeconds.forEach((tool, s) -> tools.merge(tool, s, Double::sum));
    return new WallClockBreakdown(evaluationSeconds + other.evaluationSeconds, paidSeconds + other.paidSeconds,
        hiddenSeconds + other.hiddenSeconds, recordingSeconds + other.recordingSeconds,
        judgeSeconds + other.judgeSeconds, latencySeconds + other.latencySeconds, poolSeconds + other.poolSeconds,
        tools);
  }

  /** Every amount divided by {@code n}, e.g. a mean over n runs. */
  public WallClockBreakdown dividedBy(double n) {
    SortedMap<String, Double> tools = new TreeMap<>();
    toolSeconds.forEach((tool, s) -> tools.put(tool, s / n));
    return new WallClockBreakdown(evaluationSeconds / n, paidSeconds / n, hiddenSeconds / n, recordingSeconds / n,
        judgeSeconds / n, latencySeconds / n, poolSeconds / n, tools);
  }

  private static double number(Object o) {
    return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0;
  }
}
