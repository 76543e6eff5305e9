package dev.asap.bench.harness;

import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.task.References;
import dev.asap.bench.task.SyntheticTasks;
import dev.asap.bench.task.TaskReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The harness's own speed: simulated trials per real second with random search on branin (an evaluation that
 * costs nothing real), through the same path as benchmark runs (run loop, in-memory study, trial log). It
 * must stay far above what any optimizer allows, so that the harness is never the bottleneck.
 *
 * @param trials          trials run
 * @param realSeconds     real time they took
 * @param cpuSeconds      CPU time of the measuring thread (insensitive to other processes on a shared machine)
 * @param trialsPerSecond trials / realSeconds
 * @param askSeconds      of which measured proposal time (random search plus reading the study)
 * @param tellSeconds     of which measured recording time
 */
public record HarnessThroughput(int trials, double realSeconds, double cpuSeconds, double trialsPerSecond,
    double askSeconds, double tellSeconds) {
  public static final int DEFAULT_TRIALS = 500;

  /** Trials per CPU-second of the measuring thread. */
  public double trialsPerCpuSecond() {
    return trials / cpuSeconds;
  }

  /** Measures {@code trials} trials after a short warm-up, logging to a temporary folder. */
  public static HarnessThroughput measure(int trials) {
    BenchmarkTask task = SyntheticTasks.task(SyntheticFunctions.branin());
    TaskReference reference = References.of(task, 0);
    Path dir;
    try {
      dir = Files.createTempDirectory("asap-throughput");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      once(task, reference, Math.max(1, trials / 5), dir);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      RunResult r = once(task, reference, trials, dir);
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      return new HarnessThroughput(r.trials(), r.realSeconds(), cpu, r.trials() / r.realSeconds(), r.askSeconds(),
          r.tellSeconds());
    } finally {
      delete(dir);
    }
  }

  private static RunResult once(BenchmarkTask task, TaskReference reference, int trials, Path dir) {
    BenchOptions o = BenchOptions.builder().suite(task.name()).optimizers(List.of("random")).seeds(1)
        .budgets(List.of((double) trials)).unit(BudgetUnit.TRIALS).out(dir).throughput(false).build();
    try {
      return SingleRun.run(task, reference, "random", 0, o, SingleRun.logFile(dir, task.name(), "random", 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
