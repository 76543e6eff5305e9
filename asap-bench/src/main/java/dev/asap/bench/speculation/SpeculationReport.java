package dev.asap.bench.speculation;

import dev.asap.bench.task.BenchData;
import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.task.References;
import dev.asap.bench.catalog.TaskCatalog;
import dev.asap.bench.task.TaskReference;
import dev.asap.loop.SpeculationMode;
import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.loop.RunReport;
import dev.asap.loop.SpeculationStats;
import dev.asap.tools.Optimizers;
import dev.asap.store.InMemoryStore;
import dev.asap.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serial against speculative loop on the simulated clock, at equal trials: YAHPO lcbench tasks (their
 * surrogate's predicted training time is the evaluation time) and a judge that costs {@code L} seconds per
 * call on top of the measured tool time (a latency model for a real-size LLM judge). Reports end-to-end
 * wall-clock, the share of proposal time hidden, accept rate, how many sampled accepted picks are identical
 * and equivalent to the serial choice, τ over the run and final normalised regret; then, for each candidate
 * predictor of the running trial's value, how often speculation used it and its relative error on results.
 *
 * <p>Usage: {@code SpeculationReport [--optimizer asap] [--latency 2] [--trials 50] [--seeds 5]
 * [--tasks yahpo-lcbench-167168,...] [--exact true] [--out FILE.md]}. With {@code --exact true} every
 * prediction is the trial's true result: accepted picks must then all be the serial ones.
 */
public final class SpeculationReport {
  private SpeculationReport() {}

  public static void main(String[] args) throws IOException {
    String optimizer = Optimizers.POOL;
    double latency = 2.0;
    int trials = 50;
    int seeds = 5;
    String tasks = "yahpo-lcbench-167168,yahpo-lcbench-189873,yahpo-lcbench-189906";
    Path out = null;
    boolean exact = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--optimizer" -> optimizer = args[i + 1];
        case "--latency" -> latency = Double.parseDouble(args[i + 1]);
        case "--trials" -> trials = Integer.parseInt(args[i + 1]);
        case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
        case "--tasks" -> tasks = args[i + 1];
        case "--out" -> out = Path.of(args[i + 1]);
        case "--exact" -> exact = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (TaskCatalog catalog = TaskCatalog.open(BenchData.locate().orElse(null))) {
      List<BenchmarkTask> selected = catalog.select(tasks);
      String table = report(selected, optimizer, latency, trials, seeds, exact);
      System.out.print(table);
      if (out != null) {
        Files.writeString(out, table);
      }
    }
  }

  static String report(List<BenchmarkTask> tasks, String optimizer, double latency, int trials, int seeds,
      boolean exact) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Optimizer %s, judge latency model %.1f s per proposal, %d trials, %d seeds, "
        + "1 worker, simulated clock.%n%n", optimizer, latency, trials, seeds));
    md.append("| task | wall-clock serial (h) | wall-clock speculative (h) | saved | proposal s paid serial "
        + "| proposal s paid speculative | proposal time hidden | accept rate | sampled picks identical to serial "
        + "| sampled picks equivalent to serial | τ start → end | regret serial | regret speculative |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    StringBuilder predictorTable = new StringBuilder();
    for (BenchmarkTask task : tasks) {
      TaskReference ref = References.of(task);
      double[] wallSerial = new double[seeds];
      double[] wallSpec = new double[seeds];
      double[] regretSerial = new double[seeds];
      double[] regretSpec = new double[seeds];
      double hidden = 0;
      double proposal = 0;
      double[] paidSerial = new double[seeds];
      double[] paidSpec = new double[seeds];
      int accepted = 0;
      int decided = 0;
      int sampled = 0;
      int equal = 0;
      int equivalent = 0;
      Map<String, int[]> uses = new LinkedHashMap<>();
      Map<String, List<Double>> errors = new LinkedHashMap<>();
      List<String> taus = new ArrayList<>();
      for (int s = 0; s < seeds; s++) {
        RunReport serial = run(task, optimizer, latency, trials, s, false, false);
        RunReport spec = run(task, optimizer, latency, trials, s, true, exact);
        wallSerial[s] = serial.elapsedSeconds() / 3600;
        wallSpec[s] = spec.elapsedSeconds() / 3600;
        regretSerial[s] = ref.normalisedRegret(task.direction().toLoss(serial.best().value()));
        regretSpec[s] = ref.normalisedRegret(task.direction().toLoss(spec.best().value()));
        paidSerial[s] = serial.askSeconds();
        paidSpec[s] = spec.askSeconds();
        SpeculationStats st = spec.speculation();
        hidden += st.hiddenSeconds();
        proposal += st.hiddenSeconds() + spec.askSeconds();
        accepted += st.accepted();
        decided += st.accepted() + st.rejected();
        sampled += st.sampled();
        equal += st.equalToSerial();
        equivalent += st.equivalentToSerial();
        st.predictors().forEach((name, r) -> {
          uses.computeIfAbsent(name, k -> new int[1])[0] += r.used();
          errors.computeIfAbsent(name, k -> new ArrayList<>()).addAll(r.relativeErrors());
        });
        List<double[]> tau = st.tauHistory();
        if (!tau.isEmpty()) {
          taus.add(fmt(tau.get(0)[1]) + "→" + fmt(tau.get(tau.size() - 1)[1]));
        }
      }
      double ms = median(wallSerial);
      double mp = median(wallSpec);
      md.append(String.format(Locale.ROOT,
          "| %s | %.2f | %.2f | %.1f%% | %.1f | %.1f | %.0f%% | %.0f%% | %d/%d | %d/%d | %s | %.4f | %.4f |%n",
          task.name(), ms, mp, 100 * (ms - mp) / ms, median(paidSerial), median(paidSpec),
          proposal == 0 ? 0 : 100 * hidden / proposal,
          decided == 0 ? 0 : 100.0 * accepted / decided, equal, sampled, equivalent, sampled, String.join(" ", taus),
          median(regretSerial), median(regretSpec)));
      int prepared = uses.values().stream().mapToInt(u -> u[0]).sum();
      uses.forEach((name, u) -> {
        double[] e = errors.get(name).stream().mapToDouble(Double::doubleValue).toArray();
        predictorTable.append(String.format(Locale.ROOT, "| %s | %s | %d (%.0f%%) | %d | %s |%n", task.name(), name,
            u[0], prepared == 0 ? 0 : 100.0 * u[0] / prepared, e.length, e.length == 0 ? "-" : fmt(median(e))));
      });
      System.err.println("measured " + task.name());
    }
    md.append("\nWall-clock, paid proposal seconds and regret are medians over seeds; hidden share and accept rate "
        + "pool all seeds.\n\n");
    md.append("| task | predictor | speculations under it | results scored | median relative error |\n");
    md.append("|---|---|---|---|---|\n");
    md.append(predictorTable);
    md.append("\nAll seeds pooled. Every result is scored for every predictor that could predict it; "
        + "the tool's mean exists only when the chosen tool had a model.\n");
    return md.toString();
  }

  private static RunReport run(BenchmarkTask task, String optimizer, double latency, int trials, long seed,
      boolean speculate, boolean exact) {
    Study study = Study.createOrOpen(new InMemoryStore(), task.name(), task.space(), task.direction());
    RunLoop.Builder b = RunLoop.builder(study, task.objective()).optimizer(Optimizers.create(optimizer, task.space(),
        seed)).budget(Budget.trials(trials)).simulate(true).proposalLatency(latency);
    if (speculate) {
      b.speculate(SpeculationMode.ON, 0.1);
      if (exact) {
        b.exactPredictions();
      }
    }
    return b.build().run();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
