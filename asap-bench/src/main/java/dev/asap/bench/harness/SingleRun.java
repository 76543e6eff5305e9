package dev.asap.bench.harness;

import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.task.TaskReference;
import dev.asap.integrator.PoolOptimizer;
import dev.asap.bench.prior.FamilyPriors;
import dev.asap.integrator.BuiltinJudge;
import dev.asap.loop.SpeculationMode;
import dev.asap.loop.Budget;
import dev.asap.loop.RunListener;
import dev.asap.loop.RunLoop;
import dev.asap.loop.RunReport;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.store.InMemoryStore;
import dev.asap.study.Study;
import dev.asap.study.WallClockBreakdown;
import dev.asap.trialog.TrialLogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One optimizer on one task with one seed: a fresh in-memory study run by {@link RunLoop} on the simulated
 * clock, writing its trial log, speculating and charging a judge latency when the options say so. An optimizer
 * that throws ends its run with the error kept, not the benchmark.
 */
final class SingleRun {
  /** Speculation's starting threshold on the relative error of a predicted result, as in real runs. */
  static final double INITIAL_TAU = 0.1;

  private SingleRun() {}

  static RunResult run(BenchmarkTask task, TaskReference reference, String optimizer, long seed, BenchOptions options,
      Path logFile) throws IOException {
    Study study = Study.createOrOpen(new InMemoryStore(), task.name(), task.space(), task.direction());
    TraceRecorder trace = new TraceRecorder(task.direction());
    Files.deleteIfExists(logFile);
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    long t0 = System.nanoTime();
    RunReport report = null;
    String error = null;
    try (TrialLogWriter log = new TrialLogWriter(logFile, study, optimizer, seed)) {
      Optimizer tool = optimizer.equals(Optimizers.POOL) && options.priorLedger() != null
          ? Optimizers.pool(task.space(), seed, new BuiltinJudge(seed,
              FamilyPriors.leavingOut(options.priorLedger(), task.family())))
          : Optimizers.create(optimizer, task.space(), seed);
      RunLoop.Builder loop = RunLoop.builder(study, task.objective())
          .optimizer(tool)
          .budget(budget(reference, options))
          .workers(options.workers())
          .simulate(true)
          .listener(RunListener.all(List.of(trace, log)));
      if (tool instanceof PoolOptimizer) {
        // Only a pool asks a judge: the other tools are not charged a judge's latency.
        loop.proposalLatency(options.judgeLatency());
      }
      if (options.speculate()) {
        loop.speculate(SpeculationMode.ON, INITIAL_TAU);
      }
      report = loop.build().run();
      // The log wrote each trial as it finished (one process, nothing to back-fill); say if a write failed.
      if (log.failure() != null) {
        throw new IOException("cannot write the trial log " + logFile + ": " + log.failure());
      }
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    double real = (System.nanoTime() - t0) / 1e9;
    double[] ends = trace.ends();
    // The study is in memory and this run's alone: its trials are exactly the run's.
    WallClockBreakdown breakdown = WallClockBreakdown.of(study.trials());
    return new RunResult(task.name(), task.family(), optimizer, seed, ends, trace.losses(), trace.infeasible(),
        trace.interrupted(), report == null ? null : report.stopCause(),
        report == null ? (ends.length == 0 ? 0 : ends[ends.length - 1]) : report.elapsedSeconds(),
        report == null ? Double.NaN : report.askSeconds(), report == null ? Double.NaN : report.tellSeconds(),
        report == null ? Double.NaN : report.evalSeconds(), real, logFile, error, breakdown);
  }

  /**
   * Trials: the largest budget. Time: the largest budget × the task's mean evaluation cost, with a cap on
   * trials; a task without a cost estimate falls back to trials.
   */
  static Budget budget(TaskReference reference, BenchOptions options) {
    double max = options.maxBudget();
    if (options.unit() == BudgetUnit.TRIALS || !reference.hasCost()) {
      return Budget.trials((int) Math.ceil(max));
    }
    int cap = (int) Math.min(Integer.MAX_VALUE, Math.ceil(max * options.workers() * options.trialCap()));
    return new Budget(cap, Duration.ofNanos(Math.round(max * reference.meanCost() * 1e9)), null);
  }

  /** {@code OUT/logs/TASK/OPTIMIZER-seedS.jsonl}, with unsafe characters replaced. */
  static Path logFile(Path out, String task, String optimizer, long seed) {
    return out.resolve("logs").resolve(safe(task)).resolve(safe(optimizer) + "-seed" + seed + ".jsonl");
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
