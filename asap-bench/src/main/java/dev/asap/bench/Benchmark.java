package dev.asap.bench;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.BenchmarkHarness;
import dev.asap.bench.harness.BudgetUnit;
import dev.asap.bench.harness.HarnessThroughput;
import dev.asap.bench.harness.RunResult;
import dev.asap.bench.prior.FamilyPriors;
import dev.asap.bench.report.BenchReport;
import dev.asap.bench.report.ReportFiles;
import dev.asap.bench.report.TaskEntry;
import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.catalog.TaskCatalog;
import dev.asap.bench.task.TaskReference;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark suite from start to report: the harness's runs ({@link BenchmarkHarness}) and the report's files
 * under {@code OUT/}, composed here so that the harness and the report do not depend on each other.
 *
 * <pre>
 * BenchReport r = Benchmark.run(BenchOptions.builder().suite("smoke").out(Path.of("bench-out")).build());
 * </pre>
 */
public final class Benchmark {
  private Benchmark() {}

  /**
   * Resolves the suite, estimates each task's reference, runs everything and writes the reports.
   *
   * @throws IllegalArgumentException when the suite names nothing runnable
   */
  public static BenchReport run(BenchOptions options) throws IOException {
    long t0 = System.nanoTime();
    try (TaskCatalog catalog = TaskCatalog.open(options.benchdata())) {
      List<BenchmarkTask> tasks = catalog.select(options.suite());
      catalog.notes().forEach(n -> options.progress().accept("note: " + n));
      if (tasks.isEmpty()) {
        throw new IllegalArgumentException("nothing to run for '" + options.suite() + "'"
            + (catalog.notes().isEmpty() ? "" : ": " + String.join("; ", catalog.notes())));
      }
      options.progress().accept(tasks.size() + " tasks x " + options.optimizers().size() + " optimizers "
          + options.optimizers() + " x " + options.seeds() + " seeds, budget " + options.maxBudget() + " "
          + unitName(options.unit()) + ", " + options.workers() + " worker(s), " + options.threads() + " thread(s), "
          + "speculation " + (options.speculate() ? "on" : "off")
          + (options.judgeLatency() > 0 ? ", judge latency " + options.judgeLatency() + " s" : ""));
      if (options.priorLedger() != null && options.optimizers().contains(dev.asap.tools.Optimizers.POOL)) {
        FamilyPriors.check(options.priorLedger(), tasks.stream().map(BenchmarkTask::family).distinct().toList());
      }
      Map<String, TaskReference> references = BenchmarkHarness.references(tasks, options);
      List<RunResult> runs = BenchmarkHarness.runAll(tasks, references, options);
      HarnessThroughput throughput = null;
      if (options.throughput()) {
        throughput = HarnessThroughput.measure(HarnessThroughput.DEFAULT_TRIALS);
        options.progress().accept(String.format(Locale.ROOT, "harness throughput: %.0f simulated trials/s, %.0f "
            + "per CPU-second (random search on branin, %d trials)", throughput.trialsPerSecond(),
            throughput.trialsPerCpuSecond(), throughput.trials()));
      }
      List<TaskEntry> entries = tasks.stream()
          .map(t -> new TaskEntry(t.name(), t.family(), references.get(t.name()))).toList();
      BenchReport report = new BenchReport(options, entries, runs, catalog.notes(), throughput,
          (System.nanoTime() - t0) / 1e9, List.of());
      return report.withFiles(ReportFiles.write(report, options.out()));
    }
  }

  static String unitName(BudgetUnit unit) {
    return unit == BudgetUnit.TIME ? "trial-equivalents of simulated wall-clock" : "trials";
  }
}
