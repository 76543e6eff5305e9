package dev.asap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.harness.BenchOptions;
import dev.asap.bench.harness.BudgetUnit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void parsesEveryOption() {
    BenchOptions o = BenchMain.parse(List.of("--suite", "synthetic", "--optimizers", "random", "--seeds", "3",
        "--workers", "2", "--budget", "50", "--unit", "trials", "--threads", "2", "--out", "x", "--samples", "100",
        "--target", "0.05", "--first-seed", "7", "--trial-cap", "4", "--speculate", "on", "--judge-latency", "2.5",
        "--no-throughput"), System.out);
    assertThat(o.suite()).isEqualTo("synthetic");
    assertThat(o.optimizers()).containsExactly("random");
    assertThat(o.seedList()).containsExactly(7L, 8L, 9L);
    assertThat(o.workers()).isEqualTo(2);
    assertThat(o.budgets()).containsExactly(20.0, 50.0);
    assertThat(o.unit()).isEqualTo(BudgetUnit.TRIALS);
    assertThat(o.threads()).isEqualTo(2);
    assertThat(o.out()).isEqualTo(Path.of("x"));
    assertThat(o.referenceSamples()).isEqualTo(100);
    assertThat(o.targetRegret()).isEqualTo(0.05);
    assertThat(o.trialCap()).isEqualTo(4.0);
    assertThat(o.speculate()).isTrue();
    assertThat(o.judgeLatency()).isEqualTo(2.5);
    assertThat(o.throughput()).isFalse();
  }

  @Test
  void suiteDefaults() {
    BenchOptions full = BenchMain.parse(List.of("--suite", "full"), System.out);
    assertThat(full.seeds()).isEqualTo(10);
    assertThat(full.budgets()).containsExactly(20.0, 50.0, 100.0);
    assertThat(full.optimizers()).isEqualTo(dev.asap.tools.Optimizers.names());
    BenchOptions smoke = BenchMain.parse(List.of("--suite=smoke"), System.out);
    assertThat(smoke.seeds()).isEqualTo(2);
    assertThat(smoke.optimizers()).hasSize(3).contains("random", dev.asap.tools.Optimizers.POOL);
    assertThat(smoke.speculate()).isFalse();
    assertThat(smoke.judgeLatency()).isZero();
    assertThat(BenchMain.parse(List.of("--speculate=OFF", "--judge-latency", "0"), System.out).speculate()).isFalse();
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertThat(run("--seeds", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seeds must be a whole number of at least 1");
    assertThat(run("--optimizers", "nope")).isEqualTo(2);
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(run("--speculate", "maybe")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--speculate must be on or off, got 'maybe'");
    assertThat(run("--judge-latency", "-1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--judge-latency must be a number of seconds >= 0, "
        + "got '-1'");
    assertThat(run("--judge-latency", "soon")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--judge-latency must be a number of seconds, got "
        + "'soon'");
    assertThat(run("--judge-latency")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--judge-latency needs a value");
    assertThat(run("--suite", "no-such-task", "--no-throughput")).isEqualTo(2);
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: bench");
  }

  @Test
  void runsASmallSuiteEndToEnd(@TempDir Path dir) throws Exception {
    int code = run("--suite", "branin", "--optimizers", "random", "--seeds", "1", "--budgets", "5", "--out",
        dir.toString(), "--no-throughput");
    assertThat(code).isZero();
    assertThat(Files.exists(dir.resolve("report.html"))).isTrue();
    assertThat(Files.exists(dir.resolve("logs/branin/random-seed0.jsonl"))).isTrue();
  }
}
