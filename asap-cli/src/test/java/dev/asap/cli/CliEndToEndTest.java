package dev.asap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.SqliteStore;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: a real child process, a real SQLite file, real shell objectives. */
class CliEndToEndTest {
  private static final String BRANIN = "awk -v x={x} -v y={y} 'BEGIN { pi=3.141592653589793; b=5.1/(4*pi*pi); "
      + "c=5/pi; t=1/(8*pi); print (y-b*x*x+c*x-6)^2+10*(1-t)*cos(x)+10 }'";

  @TempDir
  Path dir;

  private Path studyFile(String name, String command, String extra) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, "name: " + name + "\n"
        + "direction: minimize\n"
        + "objective:\n"
        + "  command: \"" + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
        + extra
        + "space:\n"
        + "  x: {type: float, low: -5, high: 10}\n"
        + "  y: {type: float, low: 0, high: 15}\n"
        + "  opt: {type: categorical, choices: [adam, sgd]}\n"
        + "  momentum: {type: float, low: 0, high: 1, when: {opt: [sgd]}}\n");
    return file;
  }

  private List<Trial> trials(String study) {
    try (StudyStore store = SqliteStore.open(dir.resolve("asap.db"))) {
      return Study.load(store, study).trials();
    }
  }

  @Test
  void runShowAndExportAStudy() throws Exception {
    studyFile("branin", BRANIN, "");
    CliProcess.Result run = CliProcess.run(dir, "run", "branin.yaml", "--trials", "12", "--workers", "2", "--seed", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("study 'branin'").contains("Stopped: trial budget reached")
        .contains("Best:").contains("SQLite file " + dir.resolve("asap.db").toRealPath());
    List<Trial> trials = trials("branin");
    assertThat(trials).hasSize(12).allMatch(Trial::isComplete);

    CliProcess.Result show = CliProcess.run(dir, "show", "branin");
    assertThat(show.exitCode()).isZero();
    Trial best = trials.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
    assertThat(show.out()).contains("Trials: 12 (12 complete)").contains("trial " + best.number());

    CliProcess.Result csv = CliProcess.run(dir, "export", "branin", "--format", "csv");
    List<String> lines = csv.out().lines().toList();
    assertThat(lines).hasSize(13);
    assertThat(lines.get(0)).startsWith("number,state,value,tool").endsWith("x,y,opt,momentum,intermediate,attributes");
    // Times as ISO-8601, not epoch floats in E-notation.
    assertThat(lines.get(1).split(",")[5]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    CliProcess.Result jsonl = CliProcess.run(dir, "export", "branin", "--format", "jsonl");
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> log = jsonl.out().lines().map(l -> {
      try {
        return json.readTree(l);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
    assertThat(log).hasSize(12);
    for (JsonNode line : log) {
      for (String field : List.of("optimizer", "task", "seed", "trial", "config", "value", "eval_seconds",
          "ask_seconds", "tell_seconds")) {
        assertThat(line.has(field)).as(field).isTrue();
      }
    }
    assertThat(log).extracting(l -> l.get("trial").asInt()).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 12).boxed().toList());
    // Each line carries the seed of the run that proposed it and what the judge recorded.
    assertThat(log).allMatch(l -> l.get("seed").asLong() == 3 && l.get("attributes").has("reason"));

    CliProcess.Result one = CliProcess.run(dir, "show", "branin", "--trial", "4");
    assertThat(one.exitCode()).isZero();
    assertThat(one.out()).startsWith("Trial 4: complete").contains("Config:").contains("\"reason\"");
    CliProcess.Result studies = CliProcess.run(dir, "studies");
    assertThat(studies.exitCode()).isZero();
    assertThat(studies.out()).containsPattern("branin\\s+minimize\\s+12\\s+12");
    CliProcess.Result refused = CliProcess.run(dir, "delete", "branin");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--yes");
    CliProcess.Result deleted = CliProcess.run(dir, "delete", "branin", "--yes");
    assertThat(deleted.exitCode()).isZero();
    assertThat(CliProcess.run(dir, "show", "branin").err()).contains("no study named 'branin'");
  }

  @Test
  void resumesAfterKillMinusNineKeepingEveryCompletedTrial() throws Exception {
    studyFile("slow", "sleep 0.4; echo {x}", "");
    CliProcess first = CliProcess.start(dir, "run", "slow.yaml", "--trials", "16", "--workers", "2", "--seed", "1");
    // Wait until a few trials are stored, then kill the JVM without any chance to clean up.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (completed("slow") < 4) {
      assertThat(System.nanoTime()).as("trials should complete").isLessThan(deadline);
      Thread.sleep(100);
    }
    first.process.destroyForcibly().waitFor();
    List<Trial> beforeResume = trials("slow");
    Map<Integer, Double> completedBefore = beforeResume.stream().filter(Trial::isComplete)
        .collect(Collectors.toMap(Trial::number, Trial::value));
    long leftRunning = beforeResume.stream().filter(t -> t.state() == TrialState.RUNNING).count();
    assertThat(leftRunning).isPositive();

    CliProcess.Result resumed = CliProcess.run(dir, "run", "slow.yaml", "--trials", "16", "--workers", "2", "--seed",
        "1");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming: " + beforeResume.size() + " trials already stored");
    List<Trial> after = trials("slow");
    completedBefore.forEach((n, v) -> assertThat(after.get(n).value()).isEqualTo(v));
    assertThat(after).filteredOn(t -> t.state() == TrialState.INTERRUPTED).hasSize((int) leftRunning)
        .allMatch(t -> t.error().contains("ended without finishing"));
    assertThat(after.stream().filter(Trial::isComplete).count()).isEqualTo(16);
    assertThat(after).noneMatch(t -> t.state() == TrialState.RUNNING);
  }

  private long completed(String study) {
    if (!Files.exists(dir.resolve("asap.db"))) {
      return 0;
    }
    try {
      return trials(study).stream().filter(Trial::isComplete).count();
    } catch (RuntimeException notYetCreated) {
      return 0;
    }
  }

  @Test
  void twoProcessesShareOneStudy() throws Exception {
    studyFile("shared", "sleep 0.05; echo {x}", "");
    CliProcess a = CliProcess.start(dir, "run", "shared.yaml", "--trials", "30", "--seed", "1");
    CliProcess b = CliProcess.start(dir, "run", "shared.yaml", "--trials", "30", "--seed", "2");
    assertThat(a.process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(b.process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(a.result().exitCode()).as(a.result().err()).isZero();
    assertThat(b.result().exitCode()).as(b.result().err()).isZero();
    List<Trial> trials = trials("shared");
    // Each process stops when the study holds 30 trials; one may have had a last trial in flight.
    assertThat(trials.size()).isBetween(30, 31);
    assertThat(trials).allMatch(Trial::isComplete);
    assertThat(trials.stream().map(Trial::owner).distinct().count()).isEqualTo(2);
  }

  @Test
  void simulateChargesTheReportedCostWithoutSleeping() throws Exception {
    studyFile("sim", "echo '{\"value\": {x}, \"cost\": 3600}'", "");
    long t0 = System.nanoTime();
    CliProcess.Result run = CliProcess.run(dir, "run", "sim.yaml", "--trials", "6", "--workers", "2", "--simulate",
        "--log", "sim.jsonl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Trial> trials = trials("sim");
    assertThat(trials).hasSize(6).allMatch(t -> t.timings().evalSeconds() == 3600);
    double span = trials.stream().mapToDouble(Trial::end).max().orElseThrow()
        - trials.stream().mapToDouble(Trial::start).min().orElseThrow();
    // Six one-hour trials on two workers: three hours of simulated time, plus measured overheads.
    assertThat(span).isBetween(3 * 3600.0, 3 * 3600.0 + 60);
    assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.HOURS.toNanos(1));
    assertThat(Files.readAllLines(dir.resolve("sim.jsonl"))).hasSize(6);
  }

  @Test
  void infeasibleConfigsNeverStopARunAndAreExportedWithTheirReason() throws Exception {
    // Infeasible on the left (a JSON line), killed like an OOM in the middle (a listed exit code).
    Files.writeString(dir.resolve("oom.sh"), """
        x=$1
        if awk -v x="$x" 'BEGIN { exit !(x < 2.5) }'; then
          echo '{"feasible": false, "reason": "too big", "cost": 90}'
        elif awk -v x="$x" 'BEGIN { exit !(x < 8) }'; then
          exit 137
        else
          echo "$x"
        fi
        """);
    studyFile("oom", "sh oom.sh {x}", "  infeasible_exit_codes: [137]\n");
    CliProcess.Result run = CliProcess.run(dir, "run", "oom.yaml", "--trials", "15", "--seed", "2", "--optimizer",
        "random", "--simulate");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Stopped: trial budget reached").contains("infeasible");
    List<Trial> trials = trials("oom");
    assertThat(trials).hasSize(15).allMatch(t -> t.state() == TrialState.INFEASIBLE || t.isComplete());
    assertThat(trials).anyMatch(t -> "too big".equals(t.error()) && t.timings().evalSeconds() == 90)
        .anyMatch(t -> t.error() != null && t.error().contains("infeasible_exit_codes"));

    CliProcess.Result export = CliProcess.run(dir, "export", "oom", "--format", "jsonl");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("\"state\":\"infeasible\"").contains("\"reason\":\"too big\"");
  }

  @Test
  void speculationHidesProposalTimeAndTheTrialLogSaysHowMuch() throws Exception {
    studyFile("spec", "echo '{\"value\": 1.5, \"cost\": 600}'", "");
    CliProcess.Result run = CliProcess.run(dir, "run", "spec.yaml", "--trials", "8", "--simulate", "--optimizer",
        "random", "--speculate", "on", "--seed", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("Speculation: [1-9]\\d* accepted, 0 rejected");
    // Random proposals carry no model mean; on a flat objective the median is exact and is used.
    assertThat(run.out()).containsPattern("predicted by median [1-9]");
    List<Trial> trials = trials("spec");
    assertThat(trials).filteredOn(t -> t.attributes().containsKey("speculation")).isNotEmpty();
    CliProcess.Result jsonl = CliProcess.run(dir, "export", "spec", "--format", "jsonl");
    assertThat(jsonl.out()).contains("\"hidden_seconds\"");
    CliProcess.Result show = CliProcess.run(dir, "show", "spec");
    assertThat(show.out()).containsPattern("Time:   evaluation 4800 s, proposing paid [\\d.]+ m?s, hidden by "
        + "speculation [\\d.]+ m?s, recording [\\d.]+ m?s");

    CliProcess.Result bad = CliProcess.run(dir, "run", "spec.yaml", "--trials", "9", "--speculate", "maybe");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--speculate must be auto, on or off");
  }

  @Test
  void aHangingObjectiveTimesOutAndTheRunGoesOn() throws Exception {
    studyFile("hang", "if [ {opt} = sgd ]; then sleep 30; fi; echo {y}", "  timeout: 1s\n");
    CliProcess.Result run = CliProcess.run(dir, "run", "hang.yaml", "--trials", "6", "--seed", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Trial> trials = trials("hang");
    assertThat(trials).hasSize(6);
    assertThat(trials).filteredOn(t -> t.config().getString("opt").equals("sgd"))
        .allMatch(t -> t.state() == TrialState.FAILED && t.error().contains("timed out"));
    assertThat(trials).filteredOn(t -> t.config().getString("opt").equals("adam")).allMatch(Trial::isComplete);
  }

  @Test
  void benchComparesOptimizersAndWritesTrialLogsAndReports() throws Exception {
    CliProcess.Result bench = CliProcess.run(dir, "bench", "--suite", "branin", "--optimizers", "random,sobol",
        "--seeds", "2", "--budgets", "5,10", "--unit", "trials", "--out", "out", "--no-throughput");
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    assertThat(dir.resolve("out/report.md")).exists();
    assertThat(dir.resolve("out/report.html")).exists();
    List<String> log = Files.readAllLines(dir.resolve("out/logs/branin/sobol-seed1.jsonl"));
    assertThat(log).hasSize(10);
    assertThat(new ObjectMapper().readTree(log.get(0)).get("optimizer").asText()).isEqualTo("sobol");

    CliProcess.Result bad = CliProcess.run(dir, "bench", "--suite", "no-such-task");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("no-such-task");
  }

  @Test
  void userMistakesGetOneClearLineAndNoStackTrace() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "name: bad\nobjective:\n  command: \"echo {x}\"\nspace:\n"
        + "  x: {type: float, low: 1, high: 0}\n");
    CliProcess.Result bad = CliProcess.run(dir, "run", "bad.yaml", "--trials", "3");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.yaml:5:").contains("parameter 'x'").doesNotContain("\tat ");

    CliProcess.Result missing = CliProcess.run(dir, "run", "nope.yaml", "--trials", "3");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.yaml").doesNotContain("\tat ");

    studyFile("nobudget", "echo {x}", "");
    CliProcess.Result noBudget = CliProcess.run(dir, "run", "nobudget.yaml");
    assertThat(noBudget.exitCode()).isEqualTo(2);
    assertThat(noBudget.err()).contains("--trials");

    CliProcess.Result noWorkers = CliProcess.run(dir, "run", "nobudget.yaml", "--trials", "2", "--workers", "0");
    assertThat(noWorkers.exitCode()).isEqualTo(2);
    assertThat(noWorkers.err()).contains("--workers must be at least 1");
    assertThat(noWorkers.out()).isEmpty();

    CliProcess.Result badTool = CliProcess.run(dir, "run", "nobudget.yaml", "--trials", "2", "--optimizer", "nope");
    assertThat(badTool.exitCode()).isEqualTo(2);
    assertThat(badTool.err()).contains("unknown optimizer 'nope'").contains("asap").contains("llm+gp");

    CliProcess.Result noStore = CliProcess.run(dir, "show", "ghost", "--storage", "typo.db");
    assertThat(noStore.exitCode()).isEqualTo(2);
    assertThat(noStore.err()).contains("there is no ASAP store at " + dir.resolve("typo.db"));
    assertThat(dir.resolve("typo.db")).doesNotExist();


    studyFile("broken", "exit 7", "");
    CliProcess.Result broken = CliProcess.run(dir, "run", "broken.yaml", "--trials", "20");
    assertThat(broken.exitCode()).isEqualTo(RunCommand.ALL_TRIALS_FAILED);
    assertThat(broken.out()).contains("all failed").contains("exited with code 7");
    assertThat(trials("broken")).hasSize(3);

    // Below the broken-objective rule's threshold, a run whose every trial failed still exits 3.
    CliProcess.Result twoFailed = CliProcess.run(dir, "run", "broken.yaml", "--trials", "5");
    assertThat(twoFailed.exitCode()).as(twoFailed.out()).isEqualTo(RunCommand.ALL_TRIALS_FAILED);
    assertThat(trials("broken")).hasSize(5);

    CliProcess.Result unknown = CliProcess.run(dir, "show", "ghost", "--storage", "asap.db");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no study named 'ghost'");
  }
}
