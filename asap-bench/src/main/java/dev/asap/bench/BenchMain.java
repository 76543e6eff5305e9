package dev.asap.bench;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.BudgetUnit;
import dev.asap.bench.harness.HarnessThroughput;
import dev.asap.bench.report.BenchReport;
import dev.asap.tools.Optimizers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark harness from the command line (the bench jar, or {@code asap bench}):
 *
 * <pre>
 * java -cp asap-bench.jar dev.asap.bench.BenchMain --suite smoke|full|FAMILY|TASK|study.yaml
 *     [--optimizers a,b] [--seeds N] [--workers K] [--budget B | --budgets 20,50,100] [--unit time|trials]
 *     [--threads T] [--out DIR] [--benchdata DIR] [--samples N] [--target R] [--trial-cap F]
 *     [--speculate on|off] [--judge-latency S] [--prior-ledger FINAL.csv] [--no-throughput]
 * java -cp asap-bench.jar dev.asap.bench.BenchMain --throughput [--trials N]
 * </pre>
 *
 * Exit codes: 0 done, 1 some run broke off or the benchmark failed, 2 bad arguments.
 */
public final class BenchMain {
  static final String USAGE = """
      usage: bench --suite smoke|full|FAMILY|TASK|FILE.yaml[,...] [options]
        --optimizers a,b,c   tools to compare (registered: %s; default: smoke random, one more and asap, else all)
        --seeds N            seeds per optimizer and task (default: smoke 2, else 10)
        --first-seed N       first seed (default 0)
        --workers K          parallel trials within a run (default 1)
        --budget B           run length; reports at 20/50/100 below it and at B
        --budgets a,b,c      reporting budgets, ascending; runs last the largest (default: smoke 10,20, else 20,50,100)
        --unit time|trials   time: trial-equivalents of simulated wall-clock (default); trials: finished trials
        --threads T          runs at once (default 1; more makes measured optimizer time include contention)
        --out DIR            output folder (default bench-out)
        --benchdata DIR      benchmark data folder (default: $ASAP_BENCHDATA or shared/benchdata nearby)
        --samples N          random configs per task for its reference (default 1000; constrained: 10000)
        --target R           normalised regret counted as reaching the target (default 0.1)
        --trial-cap F        time budgets: stop a run after F x budget x workers trials (default 10)
        --speculate on|off   prepare the next proposal while a trial is evaluated (default off)
        --judge-latency S    seconds charged per judge call of asap, as for a real-size LLM judge (default 0)
        --prior-ledger FILE  fit asap's tool prior from this final.csv, leaving out each task's own family
        --no-throughput      skip measuring the harness's own throughput
        --throughput [--trials N]  only measure the harness's throughput
      families: synthetic, yahpo, yahpo-lcbench, yahpo-rbv2_xgboost, yahpo-so, hpolib,
        constrained (mostly infeasible configs; llm-parallelism is its part; not in smoke or full),
        constrained-silent (the same tasks, infeasible answers without a violation: silent-TASK),
        hpolib-continuous (the HPOlib grids over continuous ranges: piecewise-constant objectives)
      """;

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with these arguments and returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    List<String> list = expand(Arrays.asList(args));
    try {
      if (list.contains("--help") || list.contains("-h")) {
        out.print(String.format(Locale.ROOT, USAGE, Optimizers.names()));
        return 0;
      }
      if (list.contains("--throughput")) {
        int trials = HarnessThroughput.DEFAULT_TRIALS;
        int i = list.indexOf("--trials");
        if (i >= 0) {
          trials = positiveInt("--trials", value(list, i));
        }
        HarnessThroughput t = HarnessThroughput.measure(trials);
        out.printf(Locale.ROOT, "harness throughput: %.0f simulated trials/s, %.0f per CPU-second (%d trials of "
            + "random search on branin in %.3f s real, %.3f s CPU; proposing %.3f s, recording %.3f s)%n",
            t.trialsPerSecond(), t.trialsPerCpuSecond(), t.trials(), t.realSeconds(), t.cpuSeconds(), t.askSeconds(),
            t.tellSeconds());
        return 0;
      }
      options = parse(list, out);
    } catch (IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      err.print(String.format(Locale.ROOT, USAGE, Optimizers.names()));
      return 2;
    }
    try {
      BenchReport report = Benchmark.run(options);
      out.printf(Locale.ROOT, "%d runs in %.1f s; reports: %s%n", report.runs().size(), report.wallSeconds(),
          report.files());
      if (!report.failedRuns().isEmpty()) {
        err.println("bench: " + report.failedRuns().size() + " run(s) broke off with an error; see report.md");
        return 1;
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("bench: failed: " + e);
      return 1;
    }
  }

  static BenchOptions parse(List<String> raw, PrintStream progress) {
    List<String> args = expand(raw);
    BenchOptions.Builder b = BenchOptions.builder().progress(progress::println);
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--suite" -> b.suite(value(args, i++));
        case "--optimizers" -> b.optimizers(Arrays.stream(value(args, i++).split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList());
        case "--seeds" -> b.seeds(positiveInt(a, value(args, i++)));
        case "--first-seed" -> b.firstSeed(parseLong(a, value(args, i++)));
        case "--workers" -> b.workers(positiveInt(a, value(args, i++)));
        case "--budget" -> b.budget(positive(a, value(args, i++)));
        case "--budgets" -> b.budgets(Arrays.stream(value(args, i++).split(",")).map(String::trim)
            .map(s -> positive("--budgets", s)).toList());
        case "--unit" -> b.unit(BudgetUnit.parse(value(args, i++)));
        case "--threads" -> b.threads(positiveInt(a, value(args, i++)));
        case "--out" -> b.out(Path.of(value(args, i++)));
        case "--benchdata" -> b.benchdata(Path.of(value(args, i++)));
        case "--samples" -> b.referenceSamples(positiveInt(a, value(args, i++)));
        case "--target" -> b.targetRegret(positive(a, value(args, i++)));
        case "--trial-cap" -> b.trialCap(positive(a, value(args, i++)));
        case "--speculate" -> b.speculate(onOff(a, value(args, i++)));
        case "--judge-latency" -> b.judgeLatency(nonNegative(a, value(args, i++)));
        case "--prior-ledger" -> b.priorLedger(java.nio.file.Path.of(value(args, i++)));
        case "--no-throughput" -> b.throughput(false);
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    return b.build();
  }

  /** Splits {@code --key=value} into two arguments. */
  private static List<String> expand(List<String> args) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        out.add(a.substring(0, eq));
        out.add(a.substring(eq + 1));
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static String value(List<String> args, int i) {
    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
      throw new IllegalArgumentException(args.get(i) + " needs a value");
    }
    return args.get(i + 1);
  }

  private static int positiveInt(String name, String v) {
    long n = parseLong(name, v);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be a whole number of at least 1, got '" + v + "'");
    }
    return (int) n;
  }

  private static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }

  private static boolean onOff(String name, String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be on or off, got '" + v + "'");
    };
  }

  private static double nonNegative(String name, String v) {
    double d = number(name, v, "a number of seconds");
    if (!(d >= 0) || !Double.isFinite(d)) {
      throw new IllegalArgumentException(name + " must be a number of seconds >= 0, got '" + v + "'");
    }
    return d;
  }

  private static double positive(String name, String v) {
    double d = number(name, v, "a number");
    if (!(d > 0) || !Double.isFinite(d)) {
      throw new IllegalArgumentException(name + " must be a positive number, got '" + v + "'");
    }
    return d;
  }

  private static double number(String name, String v, String what) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be " + what + ", got '" + v + "'");
    }
  }
}
