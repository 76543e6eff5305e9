package dev.asap.bench.multifidelity;

import dev.asap.bench.task.BenchData;
import dev.asap.bench.task.References;
import dev.asap.bench.task.TaskReference;
import dev.asap.bench.task.yahpo.TargetStatistics;
import dev.asap.bench.task.yahpo.YahpoModel;
import dev.asap.bench.task.yahpo.YahpoScenario;
import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.schedule.Schedulers;
import dev.asap.store.InMemoryStore;
import dev.asap.study.Study;
import dev.asap.tools.Optimizers;
import dev.asap.trial.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Schedulers against full-budget runs on the simulated clock: for each task with an epoch fidelity, each
 * number of workers and each scheduler/optimizer pair, the median time until the incumbent (see
 * {@link IncumbentTrace}) reaches a target normalised regret, the speed-up against the same optimizer at the
 * full budget only, and the mean normalised regret at a quarter, half and all of the wall-clock budget.
 *
 * <p>Usage: {@code MultiFidelityReport [--tasks synthetic,lcbench] [--seeds 10] [--workers 1,4]
 * [--variants none/asap,asha/asap,...] [--budget 30] [--target 0.05] [--continuation true] [--out FILE.md]}.
 * The wall-clock budget is {@code --budget} times the task's mean full-budget evaluation time (a random
 * sample's), on every worker count.
 */
public final class MultiFidelityReport {
  private static final String DEFAULT_VARIANTS =
      "none/random,asha/random,hyperband/random,median/random,none/asap,asha/asap,hyperband/asap,median/asap";

  private MultiFidelityReport() {}

  public static void main(String[] args) throws IOException {
    String tasks = "synthetic,lcbench";
    int seeds = 10;
    String workers = "1,4";
    String variants = DEFAULT_VARIANTS;
    double budget = 30;
    double target = 0.05;
    boolean continuation = true;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--tasks" -> tasks = args[i + 1];
        case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
        case "--workers" -> workers = args[i + 1];
        case "--variants" -> variants = args[i + 1];
        case "--budget" -> budget = Double.parseDouble(args[i + 1]);
        case "--target" -> target = Double.parseDouble(args[i + 1]);
        case "--continuation" -> continuation = Boolean.parseBoolean(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<FidelityTask> selected = new ArrayList<>();
    YahpoModel model = null;
    for (String family : tasks.split(",")) {
      switch (family.trim()) {
        case "synthetic" -> selected.addAll(FidelityTasks.synthetic());
        case "lcbench" -> {
          Optional<Path> data = BenchData.locate();
          if (data.isEmpty()) {
            System.err.println("lcbench skipped: no benchmark data (set ASAP_BENCHDATA to the benchdata directory)");
            continue;
          }
          Path dir = data.get().resolve("yahpo_v1").resolve("lcbench");
          model = YahpoModel.open(dir, YahpoScenario.LCBENCH);
          TargetStatistics statistics = TargetStatistics.read(data.get().resolve("yahpo_v1")
              .resolve("instance_target_statistics.csv"));
          for (String instance : FidelityTasks.LCBENCH) {
            selected.add(FidelityTasks.lcbench(dir, model, statistics, instance));
          }
        }
        default -> throw new IllegalArgumentException("unknown task family " + family + "; use synthetic, lcbench");
      }
    }
    int[] workerCounts = Arrays.stream(workers.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
    String table = report(selected, List.of(variants.split(",")), workerCounts, seeds, budget, target, continuation,
        System.out);
    if (out != null) {
      Files.writeString(out, table);
    }
    if (model != null) {
      model.close();
    }
  }

  /** The whole table; each task's block is also printed to {@code progress} as soon as it is measured. */
  static String report(List<FidelityTask> tasks, List<String> variants, int[] workerCounts, int seeds,
      double budget, double target, boolean continuation, java.io.PrintStream progress) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%d seeds, wall-clock budget %.0f × the mean"
        + " full-budget evaluation, target normalised regret %.3g, continuation %s, simulated clock.%n%n", seeds,
        budget, target, continuation ? "on (a promoted config is charged only its added epochs)" : "off"));
    progress.print(md);
    for (FidelityTask task : tasks) {
      TaskReference ref = References.of(task.atFullBudget());
      double wall = budget * ref.meanCost();
      for (int k : workerCounts) {
        int blockStart = md.length();
        md.append(String.format(Locale.ROOT, "### %s, %d worker%s (budget %.1f h)%n%n", task.name(), k,
            k == 1 ? "" : "s", wall / 3600));
        md.append("| scheduler / optimizer | median time to target (h) | reached | speed-up vs none | regret at 25 % "
            + "| at 50 % | at 100 % | trials |\n|---|---|---|---|---|---|---|---|\n");
        Map<String, Double> fullTime = new java.util.HashMap<>();
        for (String variant : variants) {
          String[] parts = variant.trim().split("/");
          double[] times = new double[seeds];
          double[][] regrets = new double[3][seeds];
          int trials = 0;
          for (int s = 0; s < seeds; s++) {
            Run run = run(task, parts[0], parts[1], k, s, wall, continuation);
            times[s] = run.trace.timeTo(ref.optimum() == null ? Double.NEGATIVE_INFINITY
                : ref.optimum() + target * (ref.randomMedian() - ref.optimum()));
            double[] at = {0.25, 0.5, 1.0};
            for (int i = 0; i < 3; i++) {
              double loss = run.trace.lossAt(at[i] * wall);
              regrets[i][s] = Double.isNaN(loss) ? 1.0 : Math.max(0, ref.normalisedRegret(loss));
            }
            trials += run.trials;
          }
          double median = median(times);
          int reached = (int) Arrays.stream(times).filter(Double::isFinite).count();
          if (parts[0].equals("none")) {
            fullTime.put(parts[1], median);
          }
          Double base = fullTime.get(parts[1]);
          String speedUp = base == null || parts[0].equals("none") ? "" : !Double.isFinite(median) ? "–"
              : !Double.isFinite(base) ? "> " + fmt(wall / median) : fmt(base / median) + "×";
          md.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %s | %s | %s | %s | %d |%n", variant,
              Double.isFinite(median) ? fmt(median / 3600) : "not reached", reached, seeds, speedUp,
              fmt(mean(regrets[0])), fmt(mean(regrets[1])), fmt(mean(regrets[2])), trials / seeds));
        }
        md.append('\n');
        progress.print(md.substring(blockStart));
        progress.flush();
      }
    }
    return md.toString();
  }

  private record Run(IncumbentTrace trace, int trials) {}

  private static Run run(FidelityTask task, String scheduler, String optimizer, int workers, long seed, double wall,
      boolean continuation) {
    Study study = Study.createOrOpen(new InMemoryStore(), task.name(), task.space(), Direction.MINIMIZE);
    IncumbentTrace trace = new IncumbentTrace(task.fidelity().max(), task::finalLoss);
    RunLoop.builder(study, new FidelityObjective(task, continuation))
        .optimizer(Optimizers.create(optimizer, task.space(), seed))
        .scheduler(Schedulers.create(scheduler, Map.of(), task.fidelity(), Direction.MINIMIZE))
        .budget(new Budget(20_000, Duration.ofMillis(Math.round(wall * 1000)), null))
        .workers(workers).simulate(true).listener(trace).build().run();
    return new Run(trace, study.trials().size());
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
