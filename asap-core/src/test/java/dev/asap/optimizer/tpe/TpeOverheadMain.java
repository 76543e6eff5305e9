package dev.asap.optimizer.tpe;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Optimizers;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import dev.asap.study.Direction;
import dev.asap.study.Trial;
import dev.asap.study.TrialState;
import dev.asap.study.TrialTimings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures (does not assert) TPE's mean proposal time on a 10-D mixed conditional space, at 100 and 1,000
 * sequential trials. Histories are built directly so that only {@code propose} is timed. Run with
 * {@code java -cp <test and main classes> dev.asap.optimizer.tpe.TpeOverheadMain [tool]}.
 */
public final class TpeOverheadMain {
  static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("x", -5, 5))
      .add(FloatParameter.log("lr", 1e-5, 1))
      .add(new FloatParameter("frac", 0, 1, false, 0.05))
      .add(IntParameter.of("layers", 1, 6))
      .add(new IntParameter("units", 8, 1024, true))
      .add(OrdinalParameter.of("batch", 16L, 32L, 64L, 128L))
      .add(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"))
      .add(FloatParameter.of("momentum", 0, 1))
      .add(CategoricalParameter.of("nesterov", true, false))
      .add(FloatParameter.of("dampening", 0, 0.5))
      .when("momentum", "opt", "sgd", "rmsprop")
      .when("nesterov", "opt", "sgd")
      .when("dampening", "nesterov", false)
      .build();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TpeOverheadMain() {}

  static double loss(Config c) {
    double v = Math.pow(c.getDouble("x") - 1.3, 2) + Math.pow(Math.log10(c.getDouble("lr")) + 3, 2)
        + Math.abs(c.getDouble("frac") - 0.35) + Math.abs(c.getLong("layers") - 3) * 0.3
        + Math.abs(Math.log(c.getLong("units") / 128.0)) + (c.getLong("batch") == 64L ? 0 : 0.5);
    String opt = c.getString("opt");
    v += opt.equals("adam") ? 0.4 : opt.equals("sgd") ? Math.pow(c.getDouble("momentum") - 0.9, 2)
        : 0.8 + c.getDouble("momentum");
    return c.has("dampening") ? v + c.getDouble("dampening") : v;
  }

  /**
   * Nanoseconds spent in each of {@code n} sequential proposals: {@code [0]} wall clock, {@code [1]} this
   * thread's CPU time (less disturbed by other processes on a shared machine).
   */
  static long[][] run(String tool, int n, long seed) {
    Optimizer o = Optimizers.create(tool, SPACE, seed);
    List<Trial> trials = new ArrayList<>(n);
    long[][] nanos = new long[2][n];
    for (int i = 0; i < n; i++) {
      History h = new History(SPACE, Direction.MINIMIZE, trials);
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Config c = o.propose(h).config();
      nanos[0][i] = System.nanoTime() - t0;
      nanos[1][i] = THREADS.getCurrentThreadCpuTime() - cpu0;
      trials.add(new Trial(i, c, TrialState.COMPLETE, loss(c), null, tool, 0, "bench", new TreeMap<>(),
          TrialTimings.NONE, i, i + 1, i + 1, Map.of()));
    }
    return nanos;
  }

  static double meanMillis(long[] nanos, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += nanos[i];
    }
    return sum / 1e6 / (to - from);
  }

  public static void main(String[] args) {
    String tool = args.length > 0 ? args[0] : "tpe";
    run(tool, 1_000, 99); // JIT warm-up
    long[][] hundred = run(tool, 100, 1);
    long[][] thousand = run(tool, 1_000, 2);
    System.out.printf("%s on a 10-D mixed conditional space (wall / thread CPU)%n", tool);
    System.out.printf("  mean proposal time over 100 trials:   %.3f / %.3f ms%n", meanMillis(hundred[0], 0, 100),
        meanMillis(hundred[1], 0, 100));
    System.out.printf("  mean proposal time over 1,000 trials: %.3f / %.3f ms%n", meanMillis(thousand[0], 0, 1_000),
        meanMillis(thousand[1], 0, 1_000));
    System.out.printf("  mean of proposals 901-1,000:          %.3f / %.3f ms%n", meanMillis(thousand[0], 900, 1_000),
        meanMillis(thousand[1], 900, 1_000));
  }
}
