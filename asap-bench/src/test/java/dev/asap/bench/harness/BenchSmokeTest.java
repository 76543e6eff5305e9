package dev.asap.bench.harness;

import dev.asap.bench.Benchmark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.bench.report.BenchReport;
import dev.asap.bench.task.BenchData;
import dev.asap.study.WallClockBreakdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI smoke suite: a few tasks of every family, 2 optimizers, 2 seeds. */
class BenchSmokeTest {

  @Test
  void theSmokeSuiteRunsEveryFamily(@TempDir Path out) throws Exception {
    List<String> lines = new ArrayList<>();
    BenchReport r = Benchmark.run(BenchOptions.builder().suite("smoke").out(out).progress(lines::add).build());
    assertThat(r.failedRuns()).isEmpty();
    int tasks = BenchData.locate().isPresent() ? 6 : 3;
    assertThat(r.tasks()).hasSize(tasks);
    assertThat(r.runs()).hasSize(tasks * r.options().optimizers().size() * 2);
    if (tasks == 3) {
      assertThat(r.notes()).singleElement().asString().contains("benchmark data missing");
    }
    assertThat(r.throughput()).isNotNull();
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Family synthetic")
        .contains("Harness throughput");
    assertThat(lines).anyMatch(l -> l.startsWith("harness throughput"));
  }

  @Test
  void speculationHidesTheJudgeLatencyAndTheReportSaysWhereTheWallClockWent(@TempDir Path out) throws Exception {
    BenchReport r = Benchmark.run(BenchOptions.builder().suite("smoke").optimizers(List.of("random", "asap"))
        .seeds(1).budgets(List.of(10.0)).speculate(true).judgeLatency(2).throughput(false).out(out).build());
    assertThat(r.failedRuns()).isEmpty();
    double hidden = 0;
    for (RunResult run : r.runs()) {
      WallClockBreakdown time = run.breakdown();
      boolean pool = run.optimizer().equals("asap");
      // Every trial the run started was proposed once, and only the pool's judge is charged the latency.
      assertThat(time.latencySeconds()).as(run.task()).isEqualTo(pool ? 2.0 * (run.trials() + run.interrupted()) : 0);
      assertThat(time.toolSeconds().isEmpty()).isEqualTo(!pool);
      assertThat(time.paidSeconds()).isCloseTo(run.askSeconds(), within(1e-9));
      hidden += pool ? time.hiddenSeconds() : 0;
    }
    // An accepted pick hides its whole judge latency: evaluations take a minute or more.
    assertThat(hidden).isGreaterThan(2.0);
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Where the wall-clock went")
        .contains("Speculation: on").contains("judge latency model: 2 s per judge call")
        .containsPattern("\\| asap \\| \\d+ \\|").doesNotContain("## Infeasible trials");
    // Columns are only ever appended, so that readers by position keep working.
    assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0))
        .contains(",error,hidden_s,judge_s,latency_s,pool_s,tool_s,infeasible,");
  }
}
