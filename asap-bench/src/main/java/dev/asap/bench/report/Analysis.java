package dev.asap.bench.report;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.BudgetUnit;
import dev.asap.bench.harness.RunResult;
import dev.asap.bench.stats.Friedman;
import dev.asap.bench.stats.Quantiles;
import dev.asap.bench.stats.Ranks;
import dev.asap.bench.task.TaskReference;
import dev.asap.study.WallClockBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers a benchmark report shows, derived from its runs: final (normalised) regret at each budget,
 * mean ranks, "beats random" shares, the Friedman test with Nemenyi's critical difference, time to target,
 * where the wall-clock went and regret curves against simulated wall-clock (in trial-equivalents) and against
 * trials.
 *
 * <p>A run's value at budget B is its best loss among trials finished within B trial-equivalents of
 * simulated time (time budgets) or among its first B trials (trial budgets). Normalised regret is (best −
 * optimum) / (random median − optimum); tasks without an optimum or random median are ranked on raw losses
 * and left out of regret averages.
 */
public final class Analysis {
  /** The pseudo-family of every task. */
  public static final String ALL = "all tasks";
  private static final String RANDOM = "random";
  private static final int CURVE_POINTS = 100;
  /** Per-task charts are many; fewer points keep the HTML report small for the full suite. */
  private static final int TASK_CURVE_POINTS = 50;

  private final BenchOptions options;
  private final Map<String, TaskEntry> tasks = new LinkedHashMap<>();
  private final Map<String, Map<String, List<RunResult>>> runs = new LinkedHashMap<>();

  private Analysis(BenchReport report) {
    this.options = report.options();
    report.tasks().forEach(t -> tasks.put(t.name(), t));
    for (RunResult r : report.runs()) {
      runs.computeIfAbsent(r.task(), k -> new LinkedHashMap<>()).computeIfAbsent(r.optimizer(), k -> new ArrayList<>())
          .add(r);
    }
  }

  public static Analysis of(BenchReport report) {
    return new Analysis(report);
  }

  public List<String> optimizers() {
    return options.optimizers();
  }

  public List<Double> budgets() {
    return options.budgets();
  }

  public BudgetUnit unit() {
    return options.unit();
  }

  public List<TaskEntry> tasks() {
    return List.copyOf(tasks.values());
  }

  /** Families in task order, then {@link #ALL} when there is more than one. */
  public List<String> families() {
    Set<String> f = new LinkedHashSet<>();
    tasks.values().forEach(t -> f.add(t.family()));
    List<String> out = new ArrayList<>(f);
    if (out.size() > 1) {
      out.add(ALL);
    }
    return out;
  }

  public List<TaskEntry> tasksOf(String family) {
    return tasks.values().stream().filter(t -> family.equals(ALL) || t.family().equals(family)).toList();
  }

  public List<RunResult> runs(String task, String optimizer) {
    return runs.getOrDefault(task, Map.of()).getOrDefault(optimizer, List.of());
  }

  /** True when the task's budgets and curves are in trial-equivalents of time (else in trials). */
  public boolean timeAxis(TaskEntry task) {
    return options.unit() == BudgetUnit.TIME && task.reference().hasCost();
  }

  /** A run's best loss within budget B. */
  public double lossAt(TaskEntry task, RunResult run, double budget) {
    return timeAxis(task) ? run.bestAtTime(budget * task.reference().meanCost())
        : run.bestAtTrials((int) Math.ceil(budget));
  }

  /** Normalised regret when the task normalises, else the raw loss. */
  public double score(TaskEntry task, double loss) {
    TaskReference r = task.reference();
    return r.normalises() ? r.normalisedRegret(loss) : loss;
  }

  /** Median and quartiles over seeds of the score at budget B; NaN when the optimizer has no runs. */
  public Curve.Point finalScore(TaskEntry task, String optimizer, double budget) {
    List<RunResult> rs = runs(task.name(), optimizer);
    double[] v = rs.stream().mapToDouble(r -> score(task, lossAt(task, r, budget))).toArray();
    return Curve.Point.of(v);
  }

  /** Median over seeds of the raw loss at budget B: what ranks and "beats random" compare. */
  public double medianLoss(TaskEntry task, String optimizer, double budget) {
    return Quantiles.median(runs(task.name(), optimizer).stream().mapToDouble(r -> lossAt(task, r, budget)).toArray());
  }

  /** {@code [task][optimizer]} median losses at budget B over the family's tasks. */
  public double[][] scoreMatrix(String family, double budget) {
    List<TaskEntry> ts = tasksOf(family);
    double[][] m = new double[ts.size()][optimizers().size()];
    for (int t = 0; t < ts.size(); t++) {
      for (int o = 0; o < optimizers().size(); o++) {
        m[t][o] = medianLoss(ts.get(t), optimizers().get(o), budget);
      }
    }
    return m;
  }

  /** Each optimizer's rank per task at budget B, averaged over the family's tasks (1 = best). */
  public double[] meanRanks(String family, double budget) {
    return Ranks.mean(scoreMatrix(family, budget));
  }

  /**
   * Per optimizer, the share of the family's tasks where its median final loss is strictly better than random
   * search's (Zhang et al. 2023); NaN for random itself and for everyone when random was not run.
   */
  public double[] beatsRandom(String family, double budget) {
    double[] share = new double[optimizers().size()];
    int random = optimizers().indexOf(RANDOM);
    double[][] m = scoreMatrix(family, budget);
    for (int o = 0; o < share.length; o++) {
      if (random < 0 || o == random || m.length == 0) {
        share[o] = Double.NaN;
        continue;
      }
      int wins = 0;
      for (double[] task : m) {
        if (task[o] < task[random]) {
          wins++;
        }
      }
      share[o] = (double) wins / m.length;
    }
    return share;
  }

  /** Mean over the family's normalising tasks of the median normalised regret at budget B, per optimizer. */
  public double[] meanRegret(String family, double budget) {
    double[] out = new double[optimizers().size()];
    for (int o = 0; o < out.length; o++) {
      List<Double> medians = new ArrayList<>();
      for (TaskEntry t : tasksOf(family)) {
        if (t.reference().normalises()) {
          medians.add(finalScore(t, optimizers().get(o), budget).median());
        }
      }
      out[o] = medians.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
    return out;
  }

  /** The Friedman test over the family's tasks at budget B, or null with fewer than 2 tasks or optimizers. */
  public Friedman friedman(String family, double budget) {
    double[][] m = scoreMatrix(family, budget);
    if (m.length < 2 || optimizers().size() < 2) {
      return null;
    }
    return Friedman.test(m);
  }

  /** Time to reach the target regret: in how many runs, and the median over those runs. */
  public record TimeToTarget(int reached, int runs, double median) {}

  /**
   * Over the family's normalising tasks: how many runs reached normalised regret ≤ the target, and the median
   * trial-equivalents (time budgets) or trials (trial budgets) they needed.
   */
  public TimeToTarget timeToTarget(String family, String optimizer) {
    List<Double> reached = new ArrayList<>();
    int total = 0;
    for (TaskEntry t : tasksOf(family)) {
      if (!t.reference().normalises()) {
        continue;
      }
      for (RunResult r : runs(t.name(), optimizer)) {
        total++;
        double x = firstReach(t, r);
        if (Double.isFinite(x)) {
          reached.add(x);
        }
      }
    }
    return new TimeToTarget(reached.size(), total,
        Quantiles.median(reached.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /**
   * Where an optimizer's runs spent their simulated wall-clock, as means per run.
   *
   * @param elapsedSeconds the run's length on the simulated clock
   * @param time           the breakdown of the run's trials
   * @param proposingShare the share of its wall-clock a run waited for proposals; a mean of each run's share, so
   *                       that tasks with long evaluations do not drown the others
   */
  public record WallClock(int runs, double elapsedSeconds, WallClockBreakdown time, double proposingShare) {}

  /** The optimizer's runs over every task, averaged; NaN when it has no runs. */
  public WallClock wallClock(String optimizer) {
    WallClockBreakdown sum = WallClockBreakdown.of(List.of());
    double elapsed = 0;
    double share = 0;
    int n = 0;
    for (String task : tasks.keySet()) {
      for (RunResult r : runs(task, optimizer)) {
        sum = sum.plus(r.breakdown());
        elapsed += r.elapsedSeconds();
        share += r.elapsedSeconds() > 0 ? r.breakdown().paidSeconds() / r.elapsedSeconds() : 0;
        n++;
      }
    }
    return new WallClock(n, elapsed / n, sum.dividedBy(n), share / n);
  }

  /**
   * An optimizer's infeasible trials on one task, over its runs (seeds).
   *
   * @param share            infeasible share of all trials, mean over runs
   * @param firstThirdShare  infeasible share of the first third of each run's trials, mean over runs
   * @param lastThirdShare   the same for the last third
   * @param trialsToFeasible median over runs of the trials up to the first with a value (+infinity: never)
   * @param secondsToFeasible median over runs of the simulated seconds until then (+infinity: never)
   * @param neverFeasible    runs in which no trial had a value
   */
  public record InfeasibleTrials(int runs, double share, double firstThirdShare, double lastThirdShare,
      double trialsToFeasible, double secondsToFeasible, int neverFeasible) {}

  public InfeasibleTrials infeasibleTrials(TaskEntry task, String optimizer) {
    List<RunResult> rs = runs(task.name(), optimizer);
    List<Feasibility> fs = rs.stream().map(Feasibility::of).toList();
    double[] share = new double[rs.size()];
    for (int i = 0; i < share.length; i++) {
      share[i] = rs.get(i).trials() == 0 ? Double.NaN : (double) fs.get(i).infeasible() / rs.get(i).trials();
    }
    return new InfeasibleTrials(rs.size(), Quantiles.mean(share),
        Quantiles.mean(fs.stream().mapToDouble(Feasibility::firstThirdShare).toArray()),
        Quantiles.mean(fs.stream().mapToDouble(Feasibility::lastThirdShare).toArray()),
        Quantiles.median(fs.stream().mapToDouble(f -> f.foundFeasible() ? f.trialsToFeasible()
            : Double.POSITIVE_INFINITY).toArray()),
        Quantiles.median(fs.stream().mapToDouble(Feasibility::secondsToFeasible).toArray()),
        (int) fs.stream().filter(f -> !f.foundFeasible()).count());
  }

  /** True when some task has infeasible configs in its random sample or some run met one. */
  public boolean hasInfeasible() {
    boolean inReferences = tasks.values().stream().anyMatch(t -> t.reference().infeasibleShare() > 0);
    return inReferences || runs.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
        .anyMatch(r -> Feasibility.of(r).infeasible() > 0);
  }

  /** When a run's best first reached the target, in the budget's unit; +infinity when never within budget. */
  double firstReach(TaskEntry task, RunResult run) {
    double best = Double.POSITIVE_INFINITY;
    double[] losses = run.losses();
    for (int i = 0; i < losses.length; i++) {
      best = Math.min(best, Double.isNaN(losses[i]) ? best : losses[i]);
      if (task.reference().normalisedRegret(best) <= options.targetRegret()) {
        double x = timeAxis(task) ? run.ends()[i] / task.reference().meanCost() : i + 1;
        return x <= options.maxBudget() ? x : Double.POSITIVE_INFINITY;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** Median and quartiles over seeds of the score against simulated time in trial-equivalents. */
  public Curve timeCurve(TaskEntry task, String optimizer) {
    double[] x = grid(0, maxTimeAxis(task), TASK_CURVE_POINTS);
    List<RunResult> rs = runs(task.name(), optimizer);
    double cost = task.reference().hasCost() ? task.reference().meanCost() : Double.NaN;
    return summarise(optimizer, x, rs.size(), (s, i) -> score(task, Double.isNaN(cost)
        ? rs.get(s).bestAtTrials((int) Math.floor(x[i])) : rs.get(s).bestAtTime(x[i] * cost)));
  }

  /** Median and quartiles over seeds of the score against the number of finished trials. */
  public Curve trialCurve(TaskEntry task, String optimizer) {
    double[] x = trialGrid();
    List<RunResult> rs = runs(task.name(), optimizer);
    return summarise(optimizer, x, rs.size(), (s, i) -> score(task, rs.get(s).bestAtTrials((int) x[i])));
  }

  /** Mean over the family's normalising tasks of each task's median curve (time or trials). */
  public Curve familyCurve(String family, String optimizer, boolean time) {
    List<TaskEntry> ts = tasksOf(family).stream().filter(t -> t.reference().normalises()).toList();
    if (ts.isEmpty()) {
      return null;
    }
    double[] x = time ? grid(0, options.maxBudget(), CURVE_POINTS) : trialGrid();
    double[] mean = new double[x.length];
    for (TaskEntry t : ts) {
      double[] m = (time ? timeCurveOn(t, optimizer, x) : trialCurve(t, optimizer)).median();
      for (int i = 0; i < x.length; i++) {
        mean[i] += m[i] / ts.size();
      }
    }
    return new Curve(optimizer, x, mean, mean.clone(), mean.clone());
  }

  /** True when time curves of this family can be averaged on one trial-equivalent axis. */
  public boolean familyTimeAxis(String family) {
    return tasksOf(family).stream().filter(t -> t.reference().normalises()).allMatch(this::timeAxis);
  }

  private Curve timeCurveOn(TaskEntry task, String optimizer, double[] x) {
    List<RunResult> rs = runs(task.name(), optimizer);
    double cost = task.reference().meanCost();
    return summarise(optimizer, x, rs.size(), (s, i) -> score(task, rs.get(s).bestAtTime(x[i] * cost)));
  }

  /** Time axis extent: the budget in time runs, else the longest run in trial-equivalents (or trials). */
  private double maxTimeAxis(TaskEntry task) {
    if (timeAxis(task)) {
      return options.maxBudget();
    }
    if (!task.reference().hasCost()) {
      return trialGrid()[trialGrid().length - 1];
    }
    double max = 0;
    for (String o : optimizers()) {
      for (RunResult r : runs(task.name(), o)) {
        max = Math.max(max, r.elapsedSeconds() / task.reference().meanCost());
      }
    }
    return max > 0 ? max : options.maxBudget();
  }

  /** 1 … the nominal number of trials of a run (budget × workers for time budgets). */
  private double[] trialGrid() {
    int n = (int) Math.ceil(options.maxBudget() * (options.unit() == BudgetUnit.TIME ? options.workers() : 1));
    int points = Math.min(n, CURVE_POINTS);
    double[] x = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = points == 1 ? n : Math.round(1 + (double) i * (n - 1) / (points - 1));
    }
    return x;
  }

  private static double[] grid(double from, double to, int points) {
    double[] x = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = from + (to - from) * i / (points - 1);
    }
    return x;
  }

  private interface Value {
    double at(int seed, int point);
  }

  private static Curve summarise(String label, double[] x, int seeds, Value value) {
    double[] med = new double[x.length];
    double[] lo = new double[x.length];
    double[] hi = new double[x.length];
    double[] v = new double[seeds];
    for (int i = 0; i < x.length; i++) {
      for (int s = 0; s < seeds; s++) {
        v[s] = value.at(s, i);
      }
      Curve.Point p = Curve.Point.of(v);
      med[i] = p.median();
      lo[i] = p.lower();
      hi[i] = p.upper();
    }
    return new Curve(label, x, med, lo, hi);
  }
}
