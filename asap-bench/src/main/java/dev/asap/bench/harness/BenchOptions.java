package dev.asap.bench.harness;

import dev.asap.tools.Optimizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a benchmark run covers and how: build with {@link #builder()}; unset fields take the suite's defaults
 * ({@code smoke}: 2 seeds, budgets 10 and 20, random plus one other optimizer; otherwise 10 seeds, budgets 20,
 * 50 and 100, every registered optimizer).
 *
 * @param suite            what to run, as {@link dev.asap.bench.catalog.TaskCatalog#select(String)} reads it
 * @param optimizers       names from {@link Optimizers#names()}
 * @param seeds            seeds per optimizer and task, {@code firstSeed}, {@code firstSeed + 1}, …
 * @param workers          parallel trials within a run (on the simulated clock)
 * @param budgets          reporting budgets, ascending; every run lasts the largest
 * @param unit             how budgets are counted
 * @param threads          runs executed at once; more than 1 makes measured optimizer time include contention
 * @param out              where logs and reports go
 * @param benchdata        the benchmark data folder, or null to look for it
 * @param referenceSamples random configs per task for its reference, or null for the task's own number
 * @param targetRegret     the normalised regret that counts as "target reached" for time-to-target
 * @param trialCap         in time budgets, a run stops after {@code trialCap × budget × workers} trials even if
 *                         time remains (guards against optimizers that find near-free configs)
 * @param throughput       whether to measure the harness's own throughput for the report
 * @param speculate        whether runs prepare the next proposal while a trial is evaluated (speculation)
 * @param judgeLatency     seconds charged on the simulated clock for every judge call, as if the judge were a
 *                         real-size LLM (0: the judge's measured time only)
 * @param progress         receives one line per step, for people
 * @param priorLedger      a ledger ({@code final.csv}) to fit the judge's tool prior from, leaving out the family of
 *                         the task the pool runs on; null for the shipped prior
 */
public record BenchOptions(String suite, List<String> optimizers, int seeds, long firstSeed, int workers,
    List<Double> budgets, BudgetUnit unit, int threads, Path out, Path benchdata, Integer referenceSamples,
    double targetRegret, double trialCap, boolean throughput, boolean speculate, double judgeLatency,
    Consumer<String> progress, Path priorLedger) {

  public BenchOptions {
    Objects.requireNonNull(suite, "suite");
    optimizers = List.copyOf(optimizers);
    budgets = List.copyOf(budgets);
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(progress, "progress");
    if (optimizers.isEmpty()) {
      throw new IllegalArgumentException("name at least one optimizer; registered: " + Optimizers.names());
    }
    for (String o : optimizers) {
      if (!Optimizers.names().contains(o)) {
        throw new IllegalArgumentException("unknown optimizer '" + o + "'; choose among " + Optimizers.names());
      }
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be at least 1 (got " + seeds + ")");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1 (got " + workers + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
    }
    if (budgets.isEmpty()) {
      throw new IllegalArgumentException("give at least one budget");
    }
    for (int i = 0; i < budgets.size(); i++) {
      double b = budgets.get(i);
      if (!(b > 0) || !Double.isFinite(b) || (i > 0 && b <= budgets.get(i - 1))) {
        throw new IllegalArgumentException("budgets must be positive and ascending, got " + budgets);
      }
    }
    if (referenceSamples != null && referenceSamples < 0) {
      throw new IllegalArgumentException("reference samples cannot be negative (got " + referenceSamples + ")");
    }
    if (!(targetRegret >= 0)) {
      throw new IllegalArgumentException("the target regret must be >= 0 (got " + targetRegret + ")");
    }
    if (!(trialCap >= 1)) {
      throw new IllegalArgumentException("the trial cap factor must be >= 1 (got " + trialCap + ")");
    }
    if (!(judgeLatency >= 0) || !Double.isFinite(judgeLatency)) {
      throw new IllegalArgumentException("the judge latency must be a finite number of seconds >= 0 (got "
          + judgeLatency + ")");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The largest budget: how long every run lasts. */
  public double maxBudget() {
    return budgets.get(budgets.size() - 1);
  }

  /** The run's seeds. */
  public List<Long> seedList() {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      out.add(firstSeed + i);
    }
    return out;
  }

  /** The standard reporting budgets: 20, 50 and 100 trial-equivalents. */
  public static List<Double> standardBudgets() {
    return List.of(20.0, 50.0, 100.0);
  }

  /** Reporting budgets up to {@code max}: the standard ones below it, then {@code max} (or its half and it). */
  public static List<Double> budgetsUpTo(double max) {
    List<Double> out = new ArrayList<>();
    for (double b : standardBudgets()) {
      if (b < max) {
        out.add(b);
      }
    }
    if (out.isEmpty() && max >= 2) {
      out.add(Math.floor(max / 2));
    }
    out.add(max);
    return out;
  }

  /** Collects options; {@link #build()} fills the suite's defaults. */
  public static final class Builder {
    private String suite = "smoke";
    private List<String> optimizers;
    private Integer seeds;
    private long firstSeed;
    private int workers = 1;
    private List<Double> budgets;
    private BudgetUnit unit = BudgetUnit.TIME;
    private int threads = 1;
    private Path out = Path.of("bench-out");
    private Path benchdata;
    private Integer referenceSamples;
    private double targetRegret = 0.1;
    private double trialCap = 10;
    private boolean throughput = true;
    private boolean speculate;
    private double judgeLatency;
    private Consumer<String> progress = line -> {};
    private Path priorLedger;

    public Builder suite(String suite) {
      this.suite = suite;
      return this;
    }

    public Builder optimizers(List<String> optimizers) {
      this.optimizers = optimizers;
      return this;
    }

    public Builder seeds(int seeds) {
      this.seeds = seeds;
      return this;
    }

    public Builder firstSeed(long firstSeed) {
      this.firstSeed = firstSeed;
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder budgets(List<Double> budgets) {
      this.budgets = budgets;
      return this;
    }

    /** Runs last {@code max}; reporting budgets are {@link #budgetsUpTo(double)}. */
    public Builder budget(double max) {
      this.budgets = budgetsUpTo(max);
      return this;
    }

    public Builder unit(BudgetUnit unit) {
      this.unit = unit;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder out(Path out) {
      this.out = out;
      return this;
    }

    public Builder benchdata(Path benchdata) {
      this.benchdata = benchdata;
      return this;
    }

    public Builder referenceSamples(Integer referenceSamples) {
      this.referenceSamples = referenceSamples;
      return this;
    }

    public Builder targetRegret(double targetRegret) {
      this.targetRegret = targetRegret;
      return this;
    }

    public Builder trialCap(double trialCap) {
      this.trialCap = trialCap;
      return this;
    }

    public Builder throughput(boolean throughput) {
      this.throughput = throughput;
      return this;
    }

    public Builder speculate(boolean speculate) {
      this.speculate = speculate;
      return this;
    }

    public Builder judgeLatency(double seconds) {
      this.judgeLatency = seconds;
      return this;
    }

    public Builder progress(Consumer<String> progress) {
      this.progress = progress;
      return this;
    }

    /** Fits the pool's tool prior from this ledger, leaving out the family of each task it runs on. */
    public Builder priorLedger(Path finalCsv) {
      this.priorLedger = finalCsv;
      return this;
    }

    public BenchOptions build() {
      boolean smoke = suite.trim().toLowerCase(Locale.ROOT).equals("smoke");
      List<String> o = optimizers == null || optimizers.isEmpty() ? defaultOptimizers(smoke) : optimizers;
      int s = seeds != null ? seeds : smoke ? 2 : 10;
      List<Double> b = budgets != null ? budgets : smoke ? List.of(10.0, 20.0) : standardBudgets();
      return new BenchOptions(suite, o, s, firstSeed, workers, b, unit, threads, out, benchdata, referenceSamples,
          targetRegret, trialCap, throughput, speculate, judgeLatency, progress, priorLedger);
    }

    /** Smoke: random, the first other registered tool and the default pool; otherwise every registered tool. */
    private static List<String> defaultOptimizers(boolean smoke) {
      List<String> all = Optimizers.names();
      if (!smoke) {
        return all;
      }
      List<String> few = new ArrayList<>();
      if (all.contains("random")) {
        few.add("random");
      }
      all.stream().filter(n -> !n.equals("random") && !n.equals(Optimizers.POOL)).findFirst().ifPresent(few::add);
      if (all.contains(Optimizers.POOL)) {
        few.add(Optimizers.POOL);
      }
      return few;
    }
  }
}
