package dev.asap.cli;

import dev.asap.loop.Budget;
import dev.asap.loop.RunListener;
import dev.asap.loop.RunLoop;
import dev.asap.loop.SpeculationMode;
import dev.asap.loop.RunReport;
import dev.asap.loop.StopCause;
import dev.asap.objective.command.CommandObjective;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.StoreUrls;
import dev.asap.study.Study;
import dev.asap.studyfile.Durations;
import dev.asap.studyfile.ObjectiveSpec;
import dev.asap.schedule.Scheduler;
import dev.asap.schedule.Schedulers;
import dev.asap.studyfile.ScheduleSpec;
import dev.asap.studyfile.StudyFile;
import dev.asap.studyfile.StudyFileLoader;
import dev.asap.loop.OrphanRecovery;
import dev.asap.trialog.TrialLogLine;
import dev.asap.trialog.TrialLogWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code asap run STUDY.yaml}: tunes a study; running it again resumes the stored study. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Tune the study described by a YAML file. Running it again resumes the stored study.")
final class RunCommand implements Callable<Integer> {
  // The integrated pool: best mean rank at 20 and 50 trial-equivalents in docs/benchmarks.md.
  static final String DEFAULT_OPTIMIZER = Optimizers.POOL;
  static final int ALL_TRIALS_FAILED = 3;
  /** Relative error within which a speculative pick is kept, before the self-tuner moves it. */
  static final double INITIAL_TAU = 0.1;

  @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "the study file")
  Path studyFile;

  @Option(names = "--storage", paramLabel = "URL",
      description = "where the study is kept: sqlite:FILE or memory: (default: sqlite: asap.db next to the study file)")
  String storage;

  @Option(names = "--trials", paramLabel = "N", description = "stop once the study holds N finished trials")
  Integer trials;

  @Option(names = "--time", paramLabel = "DURATION", description = "stop after this long, e.g. 90s, 30m, 2h")
  String time;

  @Option(names = "--target", paramLabel = "VALUE", description = "stop once a trial reaches this value")
  Double target;

  @Option(names = "--workers", paramLabel = "K", description = "trials evaluated at once (default 1)")
  Integer workers;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the optimizer (default: random, printed)")
  Long seed;

  @Option(names = "--optimizer", paramLabel = "NAME", description = "the tool that proposes configs: ${COMPLETION-CANDIDATES}",
      completionCandidates = OptimizerNames.class)
  String optimizer;

  @Option(names = "--judge", paramLabel = "builtin|llm",
      description = "who picks among the pool's proposals with --optimizer asap (default builtin)")
  String judge;

  @Option(names = "--llm-url", paramLabel = "URL",
      description = "OpenAI-compatible server for --judge llm, e.g. http://localhost:8000/v1")
  String llmUrl;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "model name for --judge llm")
  String llmModel;

  @Option(names = "--llm-gguf", paramLabel = "PATH",
      description = "a GGUF model file for --judge llm, run in-process by llama.cpp (instead of --llm-url)")
  Path llmGguf;

  @Option(names = "--llm-timeout", paramLabel = "DURATION",
      description = "longest wait for one LLM answer before the built-in judge decides (default 30s)")
  String llmTimeout;

  @Option(names = "--speculate", paramLabel = "auto|on|off",
      description = "prepare the next proposal while a trial runs, under its predicted result; auto (the default) "
          + "does so while proposing costs at least a quarter of an evaluation")
  String speculate;

  @Option(names = "--scheduler", paramLabel = "NAME",
      description = "how budgets are spent: none (the default), median or percentile (stop trials whose reported "
          + "steps trail the others), asha or hyperband (run configs at the fidelity's budgets, promote the best); "
          + "settings come from the study file's scheduler: block")
  String scheduler;

  @Option(names = "--simulate",
      description = "run on a simulated clock: never sleep, charge each trial the cost its objective reports")
  boolean simulate;

  @Option(names = "--log", paramLabel = "FILE.jsonl",
      description = "keep a trial log of the study: lines missing from an earlier run are added, then one per finished trial")
  Path log;

  @Option(names = "--create-dirs", description = "create the directories of the store and of --log when they do not exist")
  boolean createDirs;

  /** The scheduler from --scheduler or the study file, or null for none (every config at the full budget). */
  private Scheduler scheduler(StudyFile file) {
    ScheduleSpec spec = file.scheduler();
    String name = scheduler != null ? scheduler.trim() : spec != null ? spec.name() : null;
    if (name == null) {
      return file.fidelity() == null ? null : Schedulers.create("none", java.util.Map.of(), file.fidelity(),
          file.direction());
    }
    java.util.Map<String, Double> settings = spec != null && spec.name().equals(name) ? spec.settings()
        : java.util.Map.of();
    try {
      return Schedulers.create(name, settings, file.fidelity(), file.direction());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--scheduler: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    StudyFile file = StudyFileLoader.load(studyFile);
    Path home = studyFile.toAbsolutePath().getParent();
    String url = StorageOption.orDefault(storage != null ? storage : file.storage(), home);
    Budget budget = budget(file);
    int workerCount = first(workers, file.workers(), 1);
    if (workerCount < 1) {
      throw new IllegalArgumentException("--workers must be at least 1 (got " + workerCount + ")");
    }
    long seedValue = seed != null ? seed : file.seed() != null ? file.seed() : new SecureRandom().nextInt(1_000_000);
    String optimizerName = first(optimizer, file.optimizer(), DEFAULT_OPTIMIZER);
    LlmSetup llmSetup = LlmSetup.of(judge, llmUrl, llmModel, llmGguf, llmTimeout, optimizerName);
    Optimizer tool = llmSetup.optimizer(optimizerName, file, seedValue);
    ObjectiveSpec spec = file.objective();
    CommandObjective objective = new CommandObjective(spec.command(), spec.timeout(), spec.workdir(), spec.env(),
        spec.infeasibleExitCodes());

    Path logPath = log == null ? null : logFile(); // a bad --log path fails before anything is opened
    try (StudyStore store = StoreUrls.open(url, createDirs); llmSetup) {
      Study study = Study.createOrOpen(store, file.name(), file.space(), file.direction());
      int dims = study.space().dimension();
      int stored = study.trials().size();
      out.printf("asap: study '%s' (%s, %d parameter%s) in %s%n", study.name(),
          study.direction().name().toLowerCase(), dims, dims == 1 ? "" : "s", StoreUrls.describe(url));
      // A resumed study cannot be repeated by its seed: the stored trials steer the optimizer too.
      out.printf("      optimizer %s%s, seed %d%s, %d worker%s, %s%s%n", tool.name(),
          llmSetup.describe(), seedValue, stored == 0 ? " (--seed " + seedValue + " repeats it)" : "", workerCount,
          workerCount == 1 ? "" : "s",
          describe(budget), simulate ? ", simulated clock" : "");

      List<RunListener> listeners = new ArrayList<>();
      listeners.add(new ProgressPrinter(out, budget, System.console() != null));
      TrialLogWriter logWriter = logPath == null ? null : new TrialLogWriter(logPath, study, tool.name(), seedValue);
      if (logWriter != null) {
        listeners.add(logWriter);
      }
      RunLoop.Builder builder = RunLoop.builder(study, objective)
          .optimizer(tool).budget(budget).workers(workerCount).simulate(simulate)
          .trialAttributes(java.util.Map.of(TrialLogLine.SEED, seedValue))
          .listener(RunListener.all(listeners));
      builder.speculate(speculation(), INITIAL_TAU);
      Scheduler chosen = scheduler(file);
      if (chosen != null) {
        builder.scheduler(chosen);
        out.printf("      scheduler %s%s%n", chosen.name(), chosen.fidelity() == null ? ""
            : " over " + chosen.fidelity().name() + " " + chosen.fidelity().rungs().stream()
                .map(b -> String.valueOf(chosen.fidelity().value(b))).collect(java.util.stream.Collectors.joining(", ")));
      }
      RunLoop loop = builder.build();
      // Set once every trial of this run is in the store: a later signal then lets the summary finish.
      java.util.concurrent.atomic.AtomicBoolean recorded = new java.util.concurrent.atomic.AtomicBoolean();
      try (StopSignals signals = new StopSignals(() -> {
        System.err.println("\nasap: stopping: no new trial starts, running ones are recorded as interrupted"
            + " (press Ctrl-C again to stop at once)");
        loop.requestStop();
      }, code -> {
        if (!recorded.get()) {
          stopAtOnce(study, objective, logWriter, code);
        }
      })) {
        RunReport report = loop.run();
        recorded.set(true);
        if (logWriter != null) {
          logWriter.close();
        }
        new RunSummary(out, study, url).print(report);
        out.flush();
        if (signals.received()) {
          return signals.exitCode();
        }
        // A run whose every trial failed is an error for scripts, though every trial is kept.
        if (report.stopCause() == StopCause.ALL_FAILED || report.everyTrialFailed()) {
          return ALL_TRIALS_FAILED;
        }
        if (logWriter != null && logWriter.failure() != null) {
          System.err.println("asap: could not write the trial log " + log + " (" + logWriter.failure() + "); every"
              + " trial is in the store: the next run on the study adds the missing lines, or write the whole log"
              + " with ./asap export " + Shell.quote(study.name()) + " --format jsonl");
          return UserErrors.USER_ERROR;
        }
        return 0;
      }
    }
  }

  /**
   * The second Ctrl-C: kill the running commands, record this process's running trials as interrupted and
   * exit now, without waiting for the run loop (which may be stuck, e.g. on a store another process locks).
   */
  private static void stopAtOnce(Study study, CommandObjective objective, TrialLogWriter logWriter, int exitCode) {
    objective.killRunning();
    int marked = 0;
    try {
      marked = OrphanRecovery.interruptOwn(study, "the run was stopped at once (a second stop signal)");
      if (logWriter != null) {
        logWriter.close();
      }
    } catch (Exception e) {
      System.err.println("asap: could not record the running trials (" + e.getMessage() + "); the next run marks"
          + " them interrupted");
    }
    System.err.println("asap: stopped at once; " + marked + " running trial" + (marked == 1 ? "" : "s")
        + " recorded as interrupted");
    System.err.flush();
    System.out.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  /** The --log file, its directory checked (or created with --create-dirs) before any trial runs. */
  private Path logFile() throws java.io.IOException {
    Path dir = log.toAbsolutePath().getParent();
    if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
      if (!createDirs) {
        throw new IllegalArgumentException("the directory " + dir + " for --log does not exist; create it, or pass"
            + " --create-dirs");
      }
      java.nio.file.Files.createDirectories(dir);
    }
    return log;
  }

  private SpeculationMode speculation() {
    if (speculate == null) {
      return SpeculationMode.AUTO;
    }
    return switch (speculate.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> SpeculationMode.AUTO;
      case "on" -> SpeculationMode.ON;
      case "off" -> SpeculationMode.OFF;
      default -> throw new IllegalArgumentException("--speculate must be auto, on or off, got '" + speculate + "'");
    };
  }

  private Budget budget(StudyFile file) {
    Integer n = first(trials, file.trials(), null);
    Duration d = time != null ? Durations.parse(time) : file.time();
    if (n == null && d == null && target == null) {
      throw new IllegalArgumentException("no budget: pass --trials N or --time 30m (or --target VALUE), or set "
          + "'trials:' or 'time:' in " + studyFile);
    }
    return new Budget(n, d, target);
  }

  private static String describe(Budget b) {
    List<String> parts = new ArrayList<>();
    if (b.trials() != null) {
      parts.add(b.trials() + " trials");
    }
    if (b.time() != null) {
      parts.add(Durations.format(b.time()));
    }
    if (b.target() != null) {
      parts.add("target " + b.target());
    }
    return "budget " + String.join(" or ", parts);
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Optimizer names for the help text. */
  static final class OptimizerNames extends ArrayList<String> {
    OptimizerNames() {
      super(Optimizers.names());
      add(LlmSetup.LLM);
      add(LlmSetup.LLM_SEEDED_GP);
    }
  }
}
