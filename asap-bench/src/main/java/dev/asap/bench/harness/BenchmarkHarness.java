package dev.asap.bench.harness;

import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.task.References;
import dev.asap.bench.catalog.TaskCatalog;
import dev.asap.bench.task.TaskReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs N optimizers × M tasks × S seeds, each on a fresh in-memory study through the run loop on the simulated
 * clock (evaluations charged their simulated cost, optimizer time measured and charged), and writes one trial
 * log per run under {@code OUT/logs/}. {@link dev.asap.bench.Benchmark} runs a whole suite and writes its
 * reports.
 */
public final class BenchmarkHarness {
  private BenchmarkHarness() {}

  /** Each task's reference (random median, evaluation cost), estimated once per task. */
  public static Map<String, TaskReference> references(List<BenchmarkTask> tasks, BenchOptions options) {
    Map<String, TaskReference> out = new LinkedHashMap<>();
    for (BenchmarkTask t : tasks) {
      long t0 = System.nanoTime();
      int samples = options.referenceSamples() == null ? t.referenceSamples() : options.referenceSamples();
      TaskReference r = References.of(t, samples);
      out.put(t.name(), r);
      options.progress().accept(String.format(Locale.ROOT, "reference %s: random median %s, mean cost %s s "
          + "(%d samples, %.2f s)", t.name(), fmt(r.randomMedian()), fmt(r.meanCost()), r.samples(),
          (System.nanoTime() - t0) / 1e9));
    }
    return out;
  }

  /** Every optimizer × task × seed, in that nesting order (tasks outermost); results in the same order. */
  public static List<RunResult> runAll(List<BenchmarkTask> tasks, Map<String, TaskReference> references,
      BenchOptions options) throws IOException {
    List<Job> jobs = new ArrayList<>();
    for (BenchmarkTask t : tasks) {
      for (String o : options.optimizers()) {
        for (long seed : options.seedList()) {
          jobs.add(new Job(t, references.get(t.name()), o, seed));
        }
      }
    }
    AtomicInteger done = new AtomicInteger();
    if (options.threads() == 1) {
      List<RunResult> out = new ArrayList<>();
      for (Job j : jobs) {
        out.add(execute(j, options, done, jobs.size()));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(pool.submit(() -> execute(j, options, done, jobs.size())));
      }
      List<RunResult> out = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the benchmark was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("a benchmark run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static RunResult execute(Job j, BenchOptions options, AtomicInteger done, int total) {
    RunResult r;
    try {
      r = SingleRun.run(j.task(), j.reference(), j.optimizer(), j.seed(), options,
          SingleRun.logFile(options.out(), j.task().name(), j.optimizer(), j.seed()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double best = r.finalBest();
    double regret = j.reference().normalises() ? j.reference().normalisedRegret(best) : Double.NaN;
    options.progress().accept(String.format(Locale.ROOT, "[%d/%d] %s %s seed %d: %d trials, best %s%s, "
        + "optimizer %.3f s, %.2f s real%s", done.incrementAndGet(), total, j.task().name(), j.optimizer(), j.seed(),
        r.trials(), fmt(best), Double.isNaN(regret) ? "" : " (normalised regret " + fmt(regret) + ")",
        r.askSeconds(), r.realSeconds(), r.error() == null ? "" : ", ERROR " + r.error()));
    return r;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : Double.isInfinite(v) ? "none" : String.format(Locale.ROOT, "%.4g", v);
  }

  private record Job(BenchmarkTask task, TaskReference reference, String optimizer, long seed) {}
}
