package dev.asap.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.BudgetUnit;
import dev.asap.bench.harness.RunResult;
import dev.asap.bench.task.TaskReference;
import dev.asap.loop.StopCause;
import dev.asap.study.WallClockBreakdown;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Regret, ranks, "beats random" and time to target on hand-made runs. */
class AnalysisTest {
  private static final double NaN = Double.NaN;
  private static final double[] ENDS = {10, 20, 30, 40};

  private static RunResult run(String task, String optimizer, long seed, double... losses) {
    return new RunResult(task, "f", optimizer, seed, ENDS, losses, new boolean[losses.length], 0,
        StopCause.TIME_BUDGET, 40, 0.01, 0.001, 40, 0.1, Path.of("x.jsonl"), null, WallClockBreakdown.of(List.of()));
  }

  private static BenchReport report(BudgetUnit unit) {
    BenchOptions o = BenchOptions.builder().suite("hand-made").optimizers(List.of("random", "sobol")).seeds(2)
        .budgets(List.of(2.0, 4.0)).unit(unit).targetRegret(0.1).build();
    // Optimum 0, random median 10, every evaluation costs 10 s: a budget of B trial-equivalents is B trials.
    TaskReference ref = new TaskReference("t", 0.0, 10, 10, 10, 100);
    List<TaskEntry> tasks = List.of(new TaskEntry("t1", "f", ref), new TaskEntry("t2", "f", ref));
    List<RunResult> runs = List.of(
        run("t1", "random", 0, 8, 6, 5, 1), run("t1", "random", 1, 9, NaN, 4, 4),
        run("t1", "sobol", 0, 2, 2, 2, 2), run("t1", "sobol", 1, 3, 3, 3, 3),
        run("t2", "random", 0, 1, 1, 1, 1), run("t2", "random", 1, 2, 2, 2, 2),
        run("t2", "sobol", 0, 5, 5, 5, 5), run("t2", "sobol", 1, 6, 6, 6, 6));
    return new BenchReport(o, tasks, runs, List.of(), null, 1.0, List.of());
  }

  @Test
  void finalRegretIsTheMedianAndQuartilesOverSeeds() {
    Analysis a = Analysis.of(report(BudgetUnit.TIME));
    TaskEntry t1 = a.tasks().get(0);
    Curve.Point p = a.finalScore(t1, "random", 2);
    assertThat(p.median()).isCloseTo(0.75, within(1e-12));
    assertThat(p.lower()).isCloseTo(0.675, within(1e-12));
    assertThat(p.upper()).isCloseTo(0.825, within(1e-12));
    assertThat(a.finalScore(t1, "random", 4).median()).isCloseTo(0.25, within(1e-12));
    assertThat(a.finalScore(t1, "sobol", 2).median()).isCloseTo(0.25, within(1e-12));
    assertThat(a.meanRegret("f", 2)).containsExactly((0.75 + 0.15) / 2, (0.25 + 0.55) / 2);
  }

  @Test
  void budgetsCountTimeOrTrials() {
    Analysis time = Analysis.of(report(BudgetUnit.TIME));
    RunResult r = time.runs("t1", "random").get(0);
    TaskEntry t1 = time.tasks().get(0);
    assertThat(time.lossAt(t1, r, 2.9)).isEqualTo(6);
    Analysis trials = Analysis.of(report(BudgetUnit.TRIALS));
    assertThat(trials.lossAt(t1, r, 2.9)).isEqualTo(5);
    assertThat(trials.lossAt(t1, r, 0.5)).isEqualTo(8);
  }

  @Test
  void ranksAndBeatsRandom() {
    Analysis a = Analysis.of(report(BudgetUnit.TIME));
    // t1: sobol better; t2: random better.
    assertThat(a.meanRanks("f", 2)).containsExactly(1.5, 1.5);
    assertThat(a.beatsRandom("f", 2)[0]).isNaN();
    assertThat(a.beatsRandom("f", 2)[1]).isEqualTo(0.5);
    assertThat(a.friedman("f", 4)).isNotNull();
    assertThat(a.families()).containsExactly("f");
  }

  @Test
  void timeToTargetCountsRunsThatReachedItWithinTheBudget() {
    Analysis a = Analysis.of(report(BudgetUnit.TIME));
    Analysis.TimeToTarget random = a.timeToTarget("f", "random");
    assertThat(random.reached()).isEqualTo(2);
    assertThat(random.runs()).isEqualTo(4);
    assertThat(random.median()).isEqualTo((4 + 1) / 2.0);
    assertThat(a.timeToTarget("f", "sobol").reached()).isZero();
  }

  @Test
  void curvesStartBeforeTheFirstResultAndEndAtTheFinalValue() {
    Analysis a = Analysis.of(report(BudgetUnit.TIME));
    TaskEntry t1 = a.tasks().get(0);
    Curve c = a.timeCurve(t1, "random");
    assertThat(c.x()[0]).isZero();
    assertThat(c.median()[0]).isInfinite();
    assertThat(c.x()[c.x().length - 1]).isEqualTo(4);
    assertThat(c.median()[c.x().length - 1]).isCloseTo(0.25, within(1e-12));
    Curve trials = a.trialCurve(t1, "sobol");
    assertThat(trials.x()).containsExactly(1, 2, 3, 4);
    assertThat(trials.median()).containsExactly(0.25, 0.25, 0.25, 0.25);
    Curve family = a.familyCurve("f", "sobol", false);
    assertThat(family.median()[3]).isCloseTo((0.25 + 0.55) / 2, within(1e-12));
  }

  private static RunResult timed(String optimizer, long seed, WallClockBreakdown time) {
    return new RunResult("t1", "f", optimizer, seed, ENDS, new double[] {4, 3, 2, 1}, new boolean[4], 0,
        StopCause.TIME_BUDGET, 40, time.paidSeconds(), time.recordingSeconds(), time.evaluationSeconds(), 0.1,
        Path.of("x.jsonl"), null, time);
  }

  @Test
  void whereTheWallClockWentIsTheMeanOfTheRunsBreakdowns() {
    BenchOptions o = BenchOptions.builder().suite("hand-made").optimizers(List.of("random", "asap")).seeds(2)
        .budgets(List.of(4.0)).speculate(true).judgeLatency(2).build();
    TaskReference ref = new TaskReference("t", 0.0, 10, 10, 10, 100);
    List<RunResult> runs = List.of(
        timed("random", 0, new WallClockBreakdown(40, 0.2, 0, 0.02, 0, 0, 0, new TreeMap<>())),
        timed("random", 1, new WallClockBreakdown(40, 0.6, 0, 0.02, 0, 0, 0, new TreeMap<>())),
        timed("asap", 0, new WallClockBreakdown(40, 3, 5, 0.02, 0.5, 8, 1, new TreeMap<>(Map.of("gp", 1.0,
            "tpe", 0.2)))),
        timed("asap", 1, new WallClockBreakdown(40, 5, 3, 0.02, 0.5, 8, 1, new TreeMap<>(Map.of("gp", 2.0)))));
    BenchReport r = new BenchReport(o, List.of(new TaskEntry("t1", "f", ref)), runs, List.of(), null, 1.0, List.of());

    Analysis.WallClock asap = Analysis.of(r).wallClock("asap");
    assertThat(asap.runs()).isEqualTo(2);
    assertThat(asap.time().paidSeconds()).isEqualTo(4.0);
    assertThat(asap.time().hiddenSeconds()).isEqualTo(4.0);
    assertThat(asap.elapsedSeconds()).isEqualTo(40.0);
    assertThat(asap.proposingShare()).isCloseTo(0.1, within(1e-12));

    String md = MarkdownRenderer.render(ReportContent.of(r));
    assertThat(md).contains("Speculation: on").contains("judge latency model: 2 s per judge call")
        .contains("## Where the wall-clock went")
        .contains("| optimizer | runs | elapsed | evaluation | proposing paid | judge | hidden by speculation "
            + "| recording | proposing share of wall-clock |")
        .contains("| random | 2 | 40.0 | 40.0 | 0.400 | — | 0 | 0.020 | 1.0% |")
        .contains("| asap | 2 | 40.0 | 40.0 | 4.0 | 8.5 | 4.0 | 0.020 | 10.0% |")
        .contains("- asap: pool rounds 1.0 s per run; each tool's own compute, in parallel: gp 1.5, tpe 0.100 s");
    assertThat(HtmlRenderer.render(ReportContent.of(r))).contains("<td>8.5</td>");
  }

  @Test
  void withoutSpeculationOrLatencyTheSummarySaysSo() {
    String md = MarkdownRenderer.render(ReportContent.of(report(BudgetUnit.TIME)));
    assertThat(md).contains("Speculation: off; judge latency model: none")
        .contains("**Measured proposal time (charged on the simulated clock)**");
  }

  @Test
  void rendersMarkdownAndHtmlWithCharts() {
    List<Block> blocks = ReportContent.of(report(BudgetUnit.TIME));
    String md = MarkdownRenderer.render(blocks);
    assertThat(md).contains("# ASAP benchmark: hand-made").contains("**Mean rank (1 = best)**")
        .contains("| sobol | 1.5 | ").contains("Friedman test").doesNotContain("<svg");
    String html = HtmlRenderer.render(blocks);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>").endsWith("</html>\n");
    int open = html.split("<svg", -1).length - 1;
    assertThat(open).isGreaterThanOrEqualTo(2 + 2 * 2).isEqualTo(html.split("</svg>", -1).length - 1);
  }
}
