package dev.asap.bench.harness;

import dev.asap.bench.Benchmark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.bench.report.BenchReport;
import dev.asap.tools.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchHarnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** random plus whichever other tool is registered first. */
  static List<String> twoOptimizers() {
    List<String> two = new ArrayList<>(List.of("random"));
    Optimizers.names().stream().filter(n -> !n.equals("random")).findFirst().ifPresent(two::add);
    return two;
  }

  @Test
  void thePoolCanRunWithAPriorFittedWithoutItsTasksFamily(@TempDir Path out) throws Exception {
    // A first run makes a ledger of two single tools; the second runs the pool with priors fitted from it.
    BenchOptions.Builder b = BenchOptions.builder().suite("branin,constrained-g08").seeds(1)
        .budgets(List.of(5.0, 50.0)).unit(BudgetUnit.TRIALS).throughput(false);
    Benchmark.run(b.optimizers(List.of("random", "sobol")).out(out.resolve("ledger")).build());
    Path ledger = out.resolve("ledger").resolve("final.csv");
    BenchReport r = Benchmark.run(b.optimizers(List.of("asap")).budgets(List.of(5.0, 20.0)).priorLedger(ledger)
        .out(out.resolve("pool")).build());

    assertThat(r.failedRuns()).isEmpty();
    assertThat(Files.readString(out.resolve("pool").resolve("report.md")))
        .contains("Tool prior of asap's judge: fitted from final.csv with each task's own family left out");
    // Each task's prior comes from the other family's task only.
    assertThat(r.runs()).hasSize(2);
  }

  @Test
  void aPriorLedgerThatCannotServeTheRunIsRejectedBeforeAnyRun(@TempDir Path out) throws Exception {
    BenchOptions.Builder b = BenchOptions.builder().suite("branin").optimizers(List.of("asap")).seeds(1)
        .budgets(List.of(5.0)).unit(BudgetUnit.TRIALS).throughput(false).out(out.resolve("pool"));
    assertThatThrownBy(() -> Benchmark.run(b.priorLedger(out.resolve("missing.csv")).build()))
        .hasMessageContaining("no prior ledger at").hasMessageContaining("missing.csv");
    // A ledger of the same family only: leaving it out leaves nothing to fit on.
    Benchmark.run(BenchOptions.builder().suite("branin").optimizers(List.of("random", "sobol")).seeds(1)
        .budgets(List.of(5.0, 50.0)).unit(BudgetUnit.TRIALS).throughput(false).out(out.resolve("ledger")).build());
    assertThatThrownBy(() -> Benchmark.run(b.priorLedger(out.resolve("ledger").resolve("final.csv")).build()))
        .hasMessageContaining("leaving out 'synthetic' leaves no task");
    assertThat(out.resolve("pool").resolve("final.csv")).doesNotExist();
  }

  @Test
  void aTinyRunWritesOneValidTrialLogPerRun(@TempDir Path out) throws Exception {
    List<String> optimizers = twoOptimizers();
    BenchOptions o = BenchOptions.builder().suite("branin,hartmann3").optimizers(optimizers).seeds(2)
        .budgets(List.of(5.0, 10.0)).unit(BudgetUnit.TRIALS).out(out).throughput(false).build();
    BenchReport r = Benchmark.run(o);
    assertThat(r.runs()).hasSize(2 * optimizers.size() * 2);
    assertThat(r.failedRuns()).isEmpty();
    for (RunResult run : r.runs()) {
      assertThat(run.trials()).isEqualTo(10);
      List<String> lines = Files.readAllLines(run.log());
      assertThat(lines).hasSize(10);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode line = JSON.readTree(lines.get(i));
        assertThat(line.get("optimizer").isTextual()).isTrue();
        assertThat(line.get("optimizer").asText()).isEqualTo(run.optimizer());
        assertThat(line.get("task").asText()).isEqualTo(run.task());
        assertThat(line.get("seed").isIntegralNumber()).isTrue();
        assertThat(line.get("seed").asLong()).isEqualTo(run.seed());
        assertThat(line.get("trial").asInt()).isEqualTo(i);
        assertThat(line.get("config").isObject()).isTrue();
        assertThat(line.get("value").isNumber()).isTrue();
        assertThat(line.get("eval_seconds").asDouble()).isEqualTo(60.0);
        assertThat(line.get("ask_seconds").isNumber()).isTrue();
        assertThat(line.get("ask_seconds").asDouble()).isPositive();
        assertThat(line.get("tell_seconds").isNumber()).isTrue();
      }
    }
    assertThat(r.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("report.md", "report.html", "runs.csv", "final.csv", "references.csv");
    assertThat(Files.readString(out.resolve("report.html"))).contains("<svg");
    assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(1 + r.runs().size());
  }

  @Test
  void infeasibleTrialsHaveNoValueAreLoggedAsSuchAndCostTheirCrash(@TempDir Path out) throws Exception {
    BenchOptions o = BenchOptions.builder().suite("constrained-g04").optimizers(List.of("random")).seeds(1)
        .budgets(List.of(40.0)).unit(BudgetUnit.TRIALS).out(out).throughput(false).build();
    RunResult run = Benchmark.run(o).runs().get(0);
    assertThat(run.error()).isNull();
    assertThat(run.failed()).isZero();
    List<String> lines = Files.readAllLines(run.log());
    int infeasible = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      boolean flagged = run.infeasible()[i];
      assertThat(line.get("state").asText()).isEqualTo(flagged ? "infeasible" : "complete");
      if (flagged) {
        infeasible++;
        assertThat(line.get("value").isNull()).isTrue();
        assertThat(line.get("reason").asText()).startsWith("violates g");
        assertThat(line.get("eval_seconds").asDouble()).isEqualTo(10.0);
        assertThat(run.losses()[i]).isNaN();
      }
    }
    // About 73 % of g04's box is infeasible.
    assertThat(infeasible).isBetween(15, 39);
    int first = 0;
    while (run.infeasible()[first]) {
      first++;
    }
    assertThat(run.bestAtTrials(first)).isInfinite();
    assertThat(run.bestAtTrials(first + 1)).isFinite();
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Infeasible trials")
        .contains("| constrained-g04 | random |");
  }

  @Test
  void timeBudgetsChargeEvaluationsAndOptimizerTime(@TempDir Path out) throws Exception {
    BenchOptions o = BenchOptions.builder().suite("branin").optimizers(List.of("random")).seeds(1)
        .budgets(List.of(10.0)).unit(BudgetUnit.TIME).workers(2).out(out).throughput(false).build();
    RunResult run = Benchmark.run(o).runs().get(0);
    // 10 trial-equivalents of 60 s on 2 workers: about 20 trials, the last pair cut off by the deadline.
    assertThat(run.trials() + run.interrupted()).isBetween(19, 22);
    assertThat(run.elapsedSeconds()).isCloseTo(600.0, org.assertj.core.data.Offset.offset(1.0));
    assertThat(run.ends()[run.ends().length - 1]).isLessThanOrEqualTo(600.0);
    assertThat(run.ends()[0]).isGreaterThan(60.0);
  }

  @Test
  void parallelRunsGiveTheSameTrialsAsSequentialOnes(@TempDir Path out) throws Exception {
    BenchOptions.Builder b = BenchOptions.builder().suite("branin,mixed").optimizers(List.of("random")).seeds(2)
        .budgets(List.of(8.0)).unit(BudgetUnit.TRIALS).throughput(false);
    BenchReport one = Benchmark.run(b.threads(1).out(out.resolve("one")).build());
    BenchReport two = Benchmark.run(b.threads(2).out(out.resolve("two")).build());
    for (int i = 0; i < one.runs().size(); i++) {
      assertThat(two.runs().get(i).losses()).containsExactly(one.runs().get(i).losses());
    }
  }

  @Test
  void theJudgeLatencyMustBeFiniteAndNotNegative() {
    assertThatThrownBy(() -> BenchOptions.builder().judgeLatency(-0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the judge latency must be a finite number of seconds >= 0 (got -0.5)");
    assertThatThrownBy(() -> BenchOptions.builder().judgeLatency(Double.POSITIVE_INFINITY).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchOptions.builder().judgeLatency(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void throughputIsMeasured() {
    HarnessThroughput t = HarnessThroughput.measure(100);
    assertThat(t.trials()).isEqualTo(100);
    assertThat(t.trialsPerSecond()).isPositive();
  }
}
