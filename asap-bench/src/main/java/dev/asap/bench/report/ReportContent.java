package dev.asap.bench.report;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.BudgetUnit;
import dev.asap.bench.harness.HarnessThroughput;
import dev.asap.bench.harness.RunResult;
import dev.asap.bench.stats.Friedman;
import dev.asap.bench.task.ConstrainedTasks;
import dev.asap.bench.task.TaskReference;
import dev.asap.study.WallClockBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays out a benchmark report as blocks: summary, one section per family, per-task tables and charts. */
public final class ReportContent {
  private final BenchReport report;
  private final Analysis a;
  private final List<Block> blocks = new ArrayList<>();

  private ReportContent(BenchReport report) {
    this.report = report;
    this.a = Analysis.of(report);
  }

  public static List<Block> of(BenchReport report) {
    ReportContent c = new ReportContent(report);
    c.build();
    return List.copyOf(c.blocks);
  }

  private void build() {
    BenchOptions o = report.options();
    blocks.add(new Block.Heading(1, "ASAP benchmark: " + o.suite()));
    blocks.add(Block.Text.bullets(summary(o)));
    blocks.add(new Block.Heading(2, "How to read this"));
    blocks.add(Block.Text.bullets(List.of(
        "**Normalised regret** = (best so far − optimum) / (random median − optimum): 0 is the optimum, 1 is a "
            + "typical uniformly random config (median of " + samplesText() + "). Tables show the median over seeds "
            + "and, in brackets, the inter-quartile range; \"—\" means no trial had finished.",
        "**Budget** " + budgetText(o.unit()) + ".",
        "**Mean rank**: optimizers ranked per task by their median best value at the budget (1 = best, ties share), "
            + "averaged over tasks.",
        "**Beats random**: share of tasks where the optimizer's median best value is strictly better than random "
            + "search's (Zhang et al. 2023).",
        "**Time to target**: runs whose normalised regret reached " + Numbers.fmt(o.targetRegret()) + " within the "
            + "budget, and the median " + unitWord(o.unit()) + " they needed.",
        "**Friedman / Nemenyi**: whether the optimizers' ranks differ at all over the family's tasks, and which "
            + "pairs differ by more than the critical difference (α = 0.05, Demšar 2006).")));
    for (String family : a.families()) {
      family(family);
    }
    overhead();
    wallClock();
    if (a.hasInfeasible()) {
      infeasible();
    }
    perTask();
    List<RunResult> broken = report.failedRuns();
    if (!broken.isEmpty()) {
      blocks.add(new Block.Heading(2, "Runs that broke off"));
      blocks.add(new Block.Table(null, List.of("task", "optimizer", "seed", "trials", "error"), broken.stream()
          .map(r -> List.of(r.task(), r.optimizer(), String.valueOf(r.seed()), String.valueOf(r.trials()), r.error()))
          .toList()));
    }
  }

  private List<String> summary(BenchOptions o) {
    List<String> lines = new ArrayList<>();
    lines.add("Optimizers: " + String.join(", ", o.optimizers()));
    Map<String, Integer> perFamily = new LinkedHashMap<>();
    a.tasks().forEach(t -> perFamily.merge(t.family(), 1, Integer::sum));
    List<String> fam = new ArrayList<>();
    perFamily.forEach((f, n) -> fam.add(f + " " + n));
    lines.add("Tasks: " + a.tasks().size() + " (" + String.join(", ", fam) + ")");
    lines.add("Seeds: " + o.seeds() + " (" + o.firstSeed() + "…" + (o.firstSeed() + o.seeds() - 1) + "), workers per "
        + "run: " + o.workers() + ", runs in parallel: " + o.threads()
        + (o.threads() > 1 ? " (measured optimizer time includes contention)" : ""));
    lines.add("Budgets: " + String.join(", ", o.budgets().stream().map(Numbers::budget).toList()) + " "
        + unitWord(o.unit()));
    lines.add("Speculation: " + (o.speculate() ? "on (each run prepares its next proposal while a trial is evaluated)"
        : "off") + "; judge latency model: " + (o.judgeLatency() > 0 ? Numbers.fmt(o.judgeLatency())
        + " s per judge call of a pool, charged on the simulated clock" : "none (the judge's measured time only)"));
    lines.add("Tool prior of asap's judge: " + (o.priorLedger() == null ? "the shipped one (tool-prior.properties)"
        : "fitted from " + o.priorLedger().getFileName() + " with each task's own family left out"));
    lines.add(String.format(Locale.ROOT, "Runs: %d (%d broke off with an error); benchmark wall time %.1f s",
        report.runs().size(), report.failedRuns().size(), report.wallSeconds()));
    HarnessThroughput t = report.throughput();
    if (t != null) {
      lines.add(String.format(Locale.ROOT, "Harness throughput: %.0f simulated trials per real second, %.0f per "
          + "CPU-second (random search on branin, %d trials, %.0f%% of the real time spent proposing and recording)",
          t.trialsPerSecond(), t.trialsPerCpuSecond(), t.trials(), 100 * (t.askSeconds() + t.tellSeconds())
              / t.realSeconds()));
    }
    for (String n : report.notes()) {
      lines.add("Note: " + n);
    }
    lines.add("Trial logs: " + report.options().out().resolve("logs") + " (one JSONL file per run, see trial-log.md)");
    return lines;
  }

  private void family(String family) {
    List<TaskEntry> tasks = a.tasksOf(family);
    boolean normalising = tasks.stream().anyMatch(t -> t.reference().normalises());
    blocks.add(new Block.Heading(2, (family.equals(Analysis.ALL) ? "All tasks" : "Family " + family) + " ("
        + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + ")"));
    if (normalising) {
      List<LineChart> charts = new ArrayList<>();
      if (a.familyTimeAxis(family)) {
        charts.add(chart(family + ": mean normalised regret", "simulated wall-clock (trial-equivalents)",
            a.optimizers().stream().map(o -> a.familyCurve(family, o, true)).toList(), false));
      }
      charts.add(chart(family + ": mean normalised regret", "finished trials",
          a.optimizers().stream().map(o -> a.familyCurve(family, o, false)).toList(), false));
      blocks.add(new Block.Charts(charts, false, null));
      blocks.add(byBudget("Mean normalised regret (median over seeds, mean over tasks)", b -> a.meanRegret(family, b),
          Numbers::fmt));
    }
    blocks.add(byBudget("Mean rank (1 = best)", b -> a.meanRanks(family, b), Numbers::fmt));
    if (a.optimizers().contains("random") && a.optimizers().size() > 1) {
      blocks.add(byBudget("Beats random (share of tasks)", b -> a.beatsRandom(family, b), Numbers::percent));
    }
    if (normalising) {
      List<List<String>> rows = new ArrayList<>();
      for (String o : a.optimizers()) {
        Analysis.TimeToTarget t = a.timeToTarget(family, o);
        rows.add(List.of(o, t.reached() + "/" + t.runs(), t.reached() == 0 ? "—" : Numbers.fmt(t.median())));
      }
      blocks.add(new Block.Table("Time to target (normalised regret ≤ " + Numbers.fmt(report.options().targetRegret())
          + ")", List.of("optimizer", "runs reaching it", "median " + unitWord(a.unit())), rows));
    }
    Friedman f = a.friedman(family, report.options().maxBudget());
    if (f != null) {
      blocks.add(Block.Text.of(friedmanText(f)));
    }
  }

  private String friedmanText(Friedman f) {
    List<String> pairs = new ArrayList<>();
    List<String> names = a.optimizers();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        if (f.differ(i, j)) {
          boolean iBetter = f.meanRanks()[i] < f.meanRanks()[j];
          pairs.add((iBetter ? names.get(i) : names.get(j)) + " > " + (iBetter ? names.get(j) : names.get(i)));
        }
      }
    }
    return String.format(Locale.ROOT, "Friedman test at budget %s over %d tasks: χ² = %s, p = %s. Nemenyi critical "
        + "difference (α = 0.05): %s mean-rank units; significantly different: %s.",
        Numbers.budget(report.options().maxBudget()), f.blocks(), Numbers.fmt(f.chiSquare()), Numbers.fmt(f.pValue()),
        Numbers.fmt(f.criticalDifference()), pairs.isEmpty() ? "none" : String.join(", ", pairs));
  }

  private void overhead() {
    blocks.add(new Block.Heading(2, "Optimizer overhead"));
    List<List<String>> rows = new ArrayList<>();
    for (String o : a.optimizers()) {
      int trials = 0;
      int failed = 0;
      double ask = 0;
      double elapsed = 0;
      int broken = 0;
      for (RunResult r : report.runs()) {
        if (r.optimizer().equals(o)) {
          trials += r.trials();
          failed += r.failed();
          ask += Double.isNaN(r.askSeconds()) ? 0 : r.askSeconds();
          elapsed += r.elapsedSeconds();
          broken += r.error() == null ? 0 : 1;
        }
      }
      rows.add(List.of(o, String.valueOf(trials), String.valueOf(failed),
          trials == 0 ? "n/a" : Numbers.fmt(1e3 * ask / trials), Numbers.fmt(ask),
          elapsed > 0 ? Numbers.fmt(100 * ask / elapsed) + "%" : "n/a", String.valueOf(broken)));
    }
    String caption = report.options().speculate() || report.options().judgeLatency() > 0
        ? "Proposal time paid on the critical path (charged on the simulated clock; see where the wall-clock went)"
        : "Measured proposal time (charged on the simulated clock)";
    blocks.add(new Block.Table(caption, List.of("optimizer", "trials", "failed trials", "ms per proposal", "total s",
        "share of simulated wall-clock", "runs broken off"), rows));
  }

  private void wallClock() {
    blocks.add(new Block.Heading(2, "Where the wall-clock went"));
    List<List<String>> rows = new ArrayList<>();
    List<String> pools = new ArrayList<>();
    for (String o : a.optimizers()) {
      Analysis.WallClock w = a.wallClock(o);
      WallClockBreakdown t = w.time();
      boolean judged = !t.toolSeconds().isEmpty() || t.judgeSeconds() + t.latencySeconds() > 0;
      rows.add(List.of(o, String.valueOf(w.runs()), Numbers.seconds(w.elapsedSeconds()),
          Numbers.seconds(t.evaluationSeconds()), Numbers.seconds(t.paidSeconds()),
          judged ? Numbers.seconds(t.judgeSeconds() + t.latencySeconds()) : "—", Numbers.seconds(t.hiddenSeconds()),
          Numbers.seconds(t.recordingSeconds()), String.format(Locale.ROOT, "%.1f%%", 100 * w.proposingShare())));
      if (!t.toolSeconds().isEmpty()) {
        List<String> tools = new ArrayList<>();
        t.toolSeconds().forEach((tool, sec) -> tools.add(tool + " " + Numbers.seconds(sec)));
        pools.add(o + ": pool rounds " + Numbers.seconds(t.poolSeconds()) + " s per run; each tool's own compute, "
            + "in parallel: " + String.join(", ", tools) + " s");
      }
    }
    blocks.add(new Block.Table("Seconds per run on the simulated clock (mean over runs)", List.of("optimizer", "runs",
        "elapsed", "evaluation", "proposing paid", "judge", "hidden by speculation", "recording",
        "proposing share of wall-clock"), rows));
    blocks.add(Block.Text.of("**Proposing paid** is proposal time the run waited for: tools, judge and the judge "
        + "latency model. **Judge**: the pool's judge, measured plus the latency model, whether paid or hidden. "
        + "**Hidden by speculation**: proposal time prepared while a trial was evaluated, costing no wall-clock. "
        + "**Proposing share**: proposing paid / elapsed, averaged over runs. Evaluation seconds add up over "
        + "workers."));
    if (!pools.isEmpty()) {
      blocks.add(Block.Text.bullets(pools));
    }
  }

  private void infeasible() {
    blocks.add(new Block.Heading(2, "Infeasible trials"));
    blocks.add(Block.Text.bullets(List.of(
        "An **infeasible** trial is a config the objective cannot run (out of memory, a violated constraint): it "
            + "has no value, so the best so far, and with it the regret, stays \"—\" until the first feasible "
            + "trial. Random medians and evaluation costs are over the feasible configs of each task's random "
            + "sample; the references table gives the sample's infeasible share.",
        "**First / last third**: the infeasible share of each run's first and last third of trials (by order of "
            + "completion), mean over seeds: a tool that learns where configs cannot run lowers it.",
        "**First feasible**: trials and simulated seconds until the first trial with a value, median over seeds; "
            + "\"never\" when most runs found none.")));
    List<List<String>> rows = new ArrayList<>();
    for (TaskEntry t : a.tasks()) {
      for (String o : a.optimizers()) {
        Analysis.InfeasibleTrials f = a.infeasibleTrials(t, o);
        if (f.runs() == 0) {
          continue;
        }
        String never = f.neverFeasible() == 0 ? "" : " (" + f.neverFeasible() + " of " + f.runs() + " runs never)";
        rows.add(List.of(t.name(), o, Numbers.share(f.share()), Numbers.share(f.firstThirdShare()),
            Numbers.share(f.lastThirdShare()), neverOr(Numbers.fmt(f.trialsToFeasible()), f.trialsToFeasible())
                + never, neverOr(Numbers.seconds(f.secondsToFeasible()), f.secondsToFeasible())));
      }
    }
    blocks.add(new Block.Table("Infeasible trials per task and optimizer", List.of("task", "optimizer",
        "infeasible", "first third", "last third", "trials to first feasible", "seconds to first feasible"), rows));
  }

  private static String neverOr(String text, double v) {
    return Double.isInfinite(v) ? "never" : text;
  }

  private void perTask() {
    blocks.add(new Block.Heading(2, "Per task"));
    List<String> header = new ArrayList<>(List.of("task"));
    header.addAll(a.optimizers());
    for (double b : a.budgets()) {
      List<List<String>> rows = new ArrayList<>();
      for (TaskEntry t : a.tasks()) {
        List<String> row = new ArrayList<>();
        row.add(t.name() + (t.reference().normalises() ? "" : " (raw best)"));
        for (String o : a.optimizers()) {
          Curve.Point p = a.finalScore(t, o, b);
          row.add(p.n() == 0 ? "n/a" : Numbers.fmt(p.median()) + " [" + Numbers.fmt(p.lower()) + ", "
              + Numbers.fmt(p.upper()) + "]");
        }
        rows.add(row);
      }
      blocks.add(new Block.Table("Normalised regret at budget " + Numbers.budget(b) + " (median [q1, q3] over seeds)",
          header, rows));
    }
    List<List<String>> refs = new ArrayList<>();
    for (TaskEntry t : a.tasks()) {
      TaskReference r = t.reference();
      refs.add(List.of(t.name(), t.family(), r.optimum() == null ? "unknown" : Numbers.fmt(r.optimum()),
          Numbers.fmt(r.randomMedian()), Numbers.fmt(r.meanCost()), Numbers.fmt(r.medianCost()),
          String.valueOf(r.samples()), Numbers.share(r.infeasibleShare())));
    }
    blocks.add(new Block.Table("References (losses: accuracies are negated)", List.of("task", "family", "optimum",
        "random median", "mean cost s", "median cost s", "samples", "infeasible share"), refs));
    for (TaskEntry t : a.tasks()) {
      String y = t.reference().normalises() ? "normalised regret" : "best loss";
      List<LineChart> charts = new ArrayList<>();
      charts.add(chart(t.name(), t.reference().hasCost() ? "simulated wall-clock (trial-equivalents)"
          : "finished trials", a.optimizers().stream().map(o -> a.timeCurve(t, o)).toList(), true, y));
      charts.add(chart(t.name(), "finished trials", a.optimizers().stream().map(o -> a.trialCurve(t, o)).toList(),
          true, y));
      blocks.add(new Block.Charts(charts, true, t.name() + " — " + y
          + " (median and inter-quartile range over seeds)"));
    }
  }

  private LineChart chart(String title, String x, List<Curve> curves, boolean bands) {
    return chart(title, x, curves, bands, "normalised regret");
  }

  private static LineChart chart(String title, String x, List<Curve> curves, boolean bands, String y) {
    List<Curve> present = curves.stream().filter(c -> c != null).toList();
    boolean positive = present.stream().allMatch(c -> java.util.Arrays.stream(c.median())
        .filter(Double::isFinite).allMatch(v -> v > 0));
    return new LineChart(title, x, y, present, bands, positive && y.equals("normalised regret"));
  }

  private interface PerBudget {
    double[] at(double budget);
  }

  private interface Cell {
    String text(double v);
  }

  private Block.Table byBudget(String caption, PerBudget values, Cell cell) {
    List<String> header = new ArrayList<>(List.of("optimizer"));
    a.budgets().forEach(b -> header.add("budget " + Numbers.budget(b)));
    List<double[]> columns = a.budgets().stream().map(values::at).toList();
    List<List<String>> rows = new ArrayList<>();
    for (int o = 0; o < a.optimizers().size(); o++) {
      List<String> row = new ArrayList<>(List.of(a.optimizers().get(o)));
      for (double[] col : columns) {
        row.add(cell.text(col[o]));
      }
      rows.add(row);
    }
    return new Block.Table(caption, header, rows);
  }

  private String samplesText() {
    Integer n = report.options().referenceSamples();
    if (n != null) {
      return n + " configs drawn with a fixed seed";
    }
    boolean constrained = a.tasks().stream().anyMatch(t -> t.family().equals(ConstrainedTasks.FAMILY));
    return "1,000 configs drawn with a fixed seed" + (constrained ? String.format(Locale.ROOT,
        "; %,d for the constrained family, feasible ones only", ConstrainedTasks.REFERENCE_DRAWS) : "");
  }

  private static String budgetText(BudgetUnit unit) {
    return unit == BudgetUnit.TIME ? "is simulated wall-clock in trial-equivalents: B means B × the task's mean "
        + "evaluation cost over its random sample, whatever the number of workers; evaluations are charged their "
        + "simulated cost and optimizer time is measured and charged on the critical path"
        : "is the number of finished trials";
  }

  private static String unitWord(BudgetUnit unit) {
    return unit == BudgetUnit.TIME ? "trial-equivalents of simulated wall-clock" : "trials";
  }
}
