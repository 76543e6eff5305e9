package dev.asap.bench.report;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.HarnessThroughput;
import dev.asap.bench.harness.RunResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one benchmark produced: the options, the tasks with their references, every run, notes on what
 * was skipped, the harness's throughput and the files written. {@link Analysis#of(BenchReport)} derives the
 * tables and curves.
 *
 * @param throughput  the harness's own speed, or null when not measured
 * @param wallSeconds real time of the whole benchmark
 * @param files       the report files written (Markdown, HTML, CSV)
 */
public record BenchReport(BenchOptions options, List<TaskEntry> tasks, List<RunResult> runs, List<String> notes,
    HarnessThroughput throughput, double wallSeconds, List<Path> files) {

  public BenchReport {
    tasks = List.copyOf(tasks);
    runs = List.copyOf(runs);
    notes = List.copyOf(notes);
    files = List.copyOf(files);
  }

  public BenchReport withFiles(List<Path> written) {
    return new BenchReport(options, tasks, runs, notes, throughput, wallSeconds, written);
  }

  /** Runs that broke off with an error. */
  public List<RunResult> failedRuns() {
    return runs.stream().filter(r -> r.error() != null).toList();
  }
}
