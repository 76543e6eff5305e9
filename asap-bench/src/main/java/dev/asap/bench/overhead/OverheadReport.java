package dev.asap.bench.overhead;

import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures each tool's propose + tell time per trial on the 10-D mixed conditional space, through the
 * ask/tell API with an in-memory store, and writes a Markdown table: the mean over the first N trials and
 * the mean of the last 100 proposals before N (what one proposal costs once the study has N trials).
 *
 * <p>Usage: {@code OverheadReport [--tools a,b,c] [--trials 100,1000,3000] [--out FILE.md]}. Each tool runs
 * in the same JVM after a short warm-up, so the numbers compare with each other; absolute values depend on
 * the machine and its load.
 */
public final class OverheadReport {
  private OverheadReport() {}

  public static void main(String[] args) throws IOException {
    // The random-judge pool costs what the pool costs: measuring it again adds nothing.
    List<String> tools = Optimizers.names().stream().filter(n -> !n.equals(Optimizers.RANDOM_JUDGE_POOL)).toList();
    int[] checkpoints = {100, 1_000, 3_000};
    Path out = null;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--tools" -> tools = List.of(value.split(","));
        case "--trials" -> checkpoints = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).sorted().toArray();
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --tools a,b,c --trials 100,1000,3000 --out FILE.md");
      }
    }
    String table = table(tools, checkpoints);
    System.out.print(table);
    if (out != null) {
      Files.writeString(out, table);
    }
  }

  static String table(List<String> tools, int[] checkpoints) {
    StringBuilder md = new StringBuilder();
    md.append("| tool |");
    for (int n : checkpoints) {
      md.append(" mean ms/trial over ").append(n).append(" |");
    }
    for (int n : checkpoints) {
      md.append(" ms/proposal at ").append(n).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(2 * checkpoints.length)).append('\n');
    for (String tool : tools) {
      run(tool, 60);
      double[] perTrial = run(tool, checkpoints[checkpoints.length - 1]);
      md.append("| ").append(tool).append(" |");
      for (int n : checkpoints) {
        md.append(' ').append(ms(mean(perTrial, 0, n))).append(" |");
      }
      for (int n : checkpoints) {
        md.append(' ').append(ms(mean(perTrial, Math.max(0, n - 100), n))).append(" |");
      }
      md.append('\n');
      System.err.println("measured " + tool);
    }
    return md.toString();
  }

  /** Seconds of propose + tell for each trial of one run. */
  static double[] run(String tool, int trials) {
    Study study = Study.createOrOpen(new InMemoryStore(), "overhead", OverheadSpace.SPACE, Direction.MINIMIZE);
    Optimizer optimizer = Optimizers.create(tool, OverheadSpace.SPACE, 1);
    double[] seconds = new double[trials];
    for (int i = 0; i < trials; i++) {
      Trial t = study.ask(optimizer);
      double value = OverheadSpace.loss(t.config());
      long t0 = System.nanoTime();
      study.tell(t.number(), value);
      seconds[i] = t.timings().askSeconds() + (System.nanoTime() - t0) / 1e9;
    }
    return seconds;
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  private static String ms(double seconds) {
    return String.format(Locale.ROOT, seconds * 1e3 < 10 ? "%.2f" : "%.0f", seconds * 1e3);
  }
}
