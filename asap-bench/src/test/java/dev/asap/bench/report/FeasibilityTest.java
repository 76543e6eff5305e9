package dev.asap.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.RunResult;
import dev.asap.bench.task.TaskReference;
import dev.asap.loop.StopCause;
import dev.asap.study.WallClockBreakdown;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Infeasible shares by thirds, the first feasible trial, and how the reports show them. */
class FeasibilityTest {
  private static final double NaN = Double.NaN;

  /** Trials end every 10 s; a NaN loss with the flag set is infeasible, without it failed. */
  private static RunResult run(String optimizer, long seed, double[] losses, boolean... infeasible) {
    double[] ends = new double[losses.length];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = 10 * (i + 1);
    }
    return new RunResult("t", "f", optimizer, seed, ends, losses, infeasible, 0, StopCause.TRIAL_BUDGET,
        10 * losses.length, 0.01, 0.001, 10 * losses.length, 0.1, Path.of("x.jsonl"), null,
        WallClockBreakdown.of(List.of()));
  }

  @Test
  void sharesByThirdAndTheFirstTrialWithAValue() {
    // Seven trials: thirds of ⌈7/3⌉ = 3; a failure (trial 3) is neither infeasible nor feasible.
    RunResult r = run("random", 0, new double[] {NaN, NaN, NaN, 5, NaN, 4, 3},
        true, true, false, false, true, false, false);
    Feasibility f = Feasibility.of(r);
    assertThat(f.infeasible()).isEqualTo(3);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(f.firstThirdShare()).isEqualTo(2.0 / 3);
    assertThat(f.lastThirdShare()).isEqualTo(1.0 / 3);
    assertThat(f.trialsToFeasible()).isEqualTo(4);
    assertThat(f.secondsToFeasible()).isEqualTo(40);
    assertThat(r.bestAtTrials(3)).isInfinite();
    assertThat(r.bestAtTrials(4)).isEqualTo(5);
  }

  @Test
  void aRunWithoutAnyValueNeverFoundAFeasibleConfig() {
    Feasibility f = Feasibility.of(run("random", 0, new double[] {NaN, NaN}, true, true));
    assertThat(f.foundFeasible()).isFalse();
    assertThat(f.secondsToFeasible()).isInfinite();
    assertThat(Feasibility.of(run("random", 0, new double[0])).firstThirdShare()).isNaN();
  }

  @Test
  void theReportAddsAnInfeasibleSectionAndAppendedCsvColumns() {
    BenchOptions o = BenchOptions.builder().suite("hand-made").optimizers(List.of("random", "tpe")).seeds(2)
        .budgets(List.of(3.0)).build();
    TaskReference ref = new TaskReference("t", 0.0, 10, 10, 10, 50, 0.95);
    List<RunResult> runs = List.of(
        run("random", 0, new double[] {NaN, NaN, 8}, true, true, false),
        run("random", 1, new double[] {NaN, NaN, NaN}, true, true, true),
        run("tpe", 0, new double[] {NaN, 6, 2}, true, false, false),
        run("tpe", 1, new double[] {7, NaN, 3}, false, true, false));
    BenchReport report = new BenchReport(o, List.of(new TaskEntry("t", "f", ref)), runs, List.of(), null, 1.0,
        List.of());
    Analysis a = Analysis.of(report);
    Analysis.InfeasibleTrials random = a.infeasibleTrials(a.tasks().get(0), "random");
    assertThat(random.share()).isEqualTo((2.0 / 3 + 1) / 2);
    assertThat(random.neverFeasible()).isEqualTo(1);
    assertThat(random.trialsToFeasible()).isInfinite();
    Analysis.InfeasibleTrials tpe = a.infeasibleTrials(a.tasks().get(0), "tpe");
    assertThat(tpe.firstThirdShare()).isEqualTo(0.5);
    assertThat(tpe.lastThirdShare()).isZero();
    assertThat(tpe.trialsToFeasible()).isEqualTo(1.5);
    assertThat(tpe.secondsToFeasible()).isEqualTo(15);

    String md = MarkdownRenderer.render(ReportContent.of(report));
    assertThat(md).contains("## Infeasible trials")
        .contains("| t | random | 83.3% | 100.0% | 50.0% | never (1 of 2 runs never) | never |")
        .contains("| t | tpe | 33.3% | 50.0% | 0.0% | 1.5 | 15.0 |")
        .contains("| 50 | 95.0% |");
    List<String> csv = ReportFiles.runsCsv(report).lines().toList();
    assertThat(csv.get(0)).endsWith(",tool_s,infeasible,infeasible_first_third,infeasible_last_third,"
        + "first_feasible_trial,first_feasible_s");
    assertThat(csv.get(1)).endsWith(",2,1.0,0.0,3,30.0");
    assertThat(csv.get(2)).endsWith(",3,1.0,1.0,never,never");
    assertThat(ReportFiles.referencesCsv(report).lines().toList())
        .containsExactly("task,family,optimum,random_median,mean_cost_s,median_cost_s,samples,infeasible_share",
            "t,f,0.0,10.0,10.0,10.0,50,0.95");
  }
}
