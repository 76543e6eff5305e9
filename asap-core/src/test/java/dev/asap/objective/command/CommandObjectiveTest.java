package dev.asap.objective.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialFailedException;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs real commands through /bin/sh (using only sh built-ins, printf, echo, sleep and cat). */
@Timeout(300) // a safety net against a hanging build, not a statement about speed
class CommandObjectiveTest {
  private static final String NASTY = "a b; touch pwned && echo $(touch pwned2) `touch pwned3` it's \"x\" | & > y";
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.log("lr", 1e-6, 1.0))
      .add(IntParameter.of("layers", 1, 10))
      .add(CategoricalParameter.of("act", "relu", NASTY))
      .add(CategoricalParameter.of("optimizer", "sgd", "adam"))
      .add(FloatParameter.of("momentum", 0.0, 1.0))
      .when("momentum", "optimizer", "sgd")
      .build();
  private static final Config CONFIG = SPACE.config(Map.of("lr", 0.001, "layers", 3, "act", "relu",
      "optimizer", "adam"));

  @TempDir
  Path dir;

  private final Recorder context = new Recorder(7);

  @Test
  void placeholdersAreListedInOrderWithoutRepeatsOrLiteralBraces() {
    assertThat(CommandObjective.placeholders(
        "train --lr {lr} --act {act} --lr-again {lr} {{not_me}} awk '{ print $1 }' {layers}"))
        .containsExactly("lr", "act", "layers");
  }

  @Test
  void aValueWithSpacesAndShellSyntaxArrivesAsOneArgumentAndRunsNothing() throws Exception {
    Config nasty = SPACE.config(Map.of("lr", 0.001, "layers", 3, "act", NASTY, "optimizer", "adam"));

    Evaluation e = run("printf '<%s>\\n' {act} {layers} > args.txt; echo 1", nasty);

    assertThat(e.value()).isEqualTo(1.0);
    assertThat(Files.readAllLines(dir.resolve("args.txt"))).containsExactly("<" + NASTY + ">", "<3>");
    assertThat(dir.resolve("pwned")).doesNotExist();
    assertThat(dir.resolve("pwned2")).doesNotExist();
    assertThat(dir.resolve("pwned3")).doesNotExist();
  }

  @Test
  void numbersArriveInPlainFormAndBracesCanBeWrittenLiterally() throws Exception {
    run("printf '%s\\n' --lr={lr} --layers={layers} {{lr}} > args.txt; echo 1", CONFIG);

    assertThat(Files.readAllLines(dir.resolve("args.txt"))).containsExactly("--lr=0.001", "--layers=3", "{lr}");
  }

  @Test
  void anInactiveParameterBecomesAnEmptyArgument() throws Exception {
    run("printf '<%s>\\n' {momentum} {optimizer} > args.txt; echo 1", CONFIG);

    assertThat(Files.readAllLines(dir.resolve("args.txt"))).containsExactly("<>", "<adam>");
  }

  @Test
  void theEnvironmentCarriesTheConfigAsJsonTheTrialNumberAndExtraVariables() throws Exception {
    CommandObjective objective = new CommandObjective(
        "printf '%s' \"$ASAP_CONFIG\" > config.json; printf '%s|%s' \"$ASAP_TRIAL\" \"$EXTRA\" > env.txt; echo 1",
        null, dir, Map.of("EXTRA", "two words"));

    objective.evaluate(CONFIG, context);

    Map<String, Object> config = new JsonMapper().readValue(dir.resolve("config.json").toFile(),
        new TypeReference<LinkedHashMap<String, Object>>() {});
    assertThat(config).isEqualTo(Map.of("lr", 0.001, "layers", 3, "act", "relu", "optimizer", "adam"));
    assertThat(config.keySet()).containsExactly("lr", "layers", "act", "optimizer"); // momentum is inactive
    assertThat(Files.readString(dir.resolve("env.txt"))).isEqualTo("7|two words");
    assertThat(System.getenv("PATH")).isNotNull(); // inherited: printf and echo were found through it
  }

  @Test
  void theCommandRunsInTheWorkingDirectory() throws Exception {
    Files.writeString(dir.resolve("value.txt"), "0.125\n");

    assertThat(run("cat value.txt").value()).isEqualTo(0.125);
  }

  @Test
  void aCommandReadingStdinSeesItsEndInsteadOfWaiting() throws Exception {
    assertThat(run("cat; echo 2").value()).isEqualTo(2.0);
  }

  @Test
  void aBackgroundProcessHoldingStdoutDoesNotKeepTheTrialWaiting() throws Exception {
    // The orphaned sleep keeps stdout open after the shell exits; the trial ends anyway.
    Evaluation e = run("sleep 120 & echo $! > bg.pid; echo 0.5");

    assertThat(e.value()).isEqualTo(0.5);
    ProcessHandle.of(pid("bg.pid")).ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void aBareNumberIsTheMetric() throws Exception {
    Evaluation e = run("echo 0.25");

    assertThat(e.value()).isEqualTo(0.25);
    assertThat(e.costSeconds()).isNull();
    assertThat(e.attributes()).isEmpty();
  }

  @Test
  void aJsonMetricCarriesCostAndNumberAndStringAttributes() throws Exception {
    Evaluation e = run("echo '{\"value\": 0.5, \"cost\": 12.5, \"epochs\": 7, \"note\": \"early stop\","
        + " \"lr_final\": 1e-4, \"curve\": [1, 2], \"ok\": true}'");

    assertThat(e.value()).isEqualTo(0.5);
    assertThat(e.costSeconds()).isEqualTo(12.5);
    assertThat(e.attributes()).isEqualTo(Map.of("user", Map.of("epochs", 7L, "note", "early stop", "lr_final", 1e-4)));
  }

  @Test
  void intermediateValuesAreReportedInOrder() throws Exception {
    Evaluation e = run("for s in 1 2 3; do echo \"{\\\"step\\\": $s, \\\"value\\\": 0.$((10 - s))}\"; done;"
        + " echo 0.5");

    assertThat(context.reports).containsExactly("1=0.9", "2=0.8", "3=0.7");
    assertThat(e.value()).isEqualTo(0.5);
  }

  @Test
  void theLastMetricLineWinsAndLogLinesAreIgnored() throws Exception {
    Evaluation e = run("echo 1; echo '{\"value\": 2}'; echo 'epoch 3: loss=0.3'; echo 3;"
        + " echo '{\"message\": \"saving\"}'; echo '[4]'; echo '{broken'; echo '{\"value\": 5} and more';"
        + " echo '2.5 seconds'; echo done; echo");

    assertThat(e.value()).isEqualTo(3.0);
  }

  @Test
  void windowsLineEndingsAreAccepted() throws Exception {
    assertThat(run("printf '0.75\\r\\n'").value()).isEqualTo(0.75);
  }

  @Test
  void aNonZeroExitFailsWithTheCodeAndTheTailOfStderr() {
    String command = "echo 'first line' >&2; i=0; while [ $i -lt 25 ]; do echo \"problem $i\" >&2; i=$((i + 1));"
        + " done; echo 0.5; exit 3";

    assertThatThrownBy(() -> run(command))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageStartingWith("command exited with code 3")
        .hasMessageContaining("problem 5")
        .hasMessageContaining("problem 24")
        .hasMessageNotContaining("problem 4\n")
        .hasMessageNotContaining("first line");
  }

  @Test
  void anUnknownCommandSaysSo() {
    assertThatThrownBy(() -> run("no-such-command-for-asap"))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageContaining("command exited with code 127 (command not found)")
        .hasMessageContaining("no-such-command-for-asap");
  }

  @Test
  void aTimeOutKillsTheWholeProcessTree() throws Exception {
    // The sleeps outlast awaitGone's wait, so only a kill can make them go away in time.
    CommandObjective objective = new CommandObjective("echo $$ > sh.pid; sleep 120 & echo $! > bg.pid;"
        + " sh -c 'sleep 120 & echo $! > grandchild.pid; wait'; sleep 120; wait", Duration.ofSeconds(2), dir,
        Map.of());

    assertThatThrownBy(() -> objective.evaluate(CONFIG, context))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageStartingWith("timed out after 2s; the process tree was killed");

    for (String pidFile : List.of("sh.pid", "bg.pid", "grandchild.pid")) {
      awaitGone(pid(pidFile));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "echo nan                        | metric is NaN",
      "echo '{\"value\": NaN}'         | metric is NaN",
      "echo inf                        | metric is infinite (Infinity)",
      "echo -Infinity                  | metric is infinite (-Infinity)",
      "echo '{\"value\": -Infinity}'   | metric is infinite (-Infinity)",
  })
  void aNonFiniteMetricFails(String command, String reason) {
    assertThatThrownBy(() -> run(command)).isInstanceOf(TrialFailedException.class).hasMessage(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "echo '{\"value\": 1, \"cost\": -1}'       | \"cost\" must be a finite number of seconds >= 0, got -1.0",
      "echo '{\"value\": 1, \"cost\": Infinity}' | \"cost\" must be a finite number of seconds >= 0, got Infinity",
      "echo '{\"value\": 1, \"cost\": \"ten\"}'  | \"cost\" must be a number of seconds, got \"ten\"",
  })
  void aBadCostFails(String command, String reason) {
    assertThatThrownBy(() -> run(command)).isInstanceOf(TrialFailedException.class).hasMessage(reason);
  }

  @Test
  void aMissingMetricFailsAndShowsTheLastLine() {
    assertThatThrownBy(() -> run("echo 'training done'; echo 'all good' >&2"))
        .isInstanceOf(TrialFailedException.class)
        .hasMessage("no metric: print a number or {\"value\": v} as the last line of stdout;"
            + " the last line of stdout was: training done; stderr ends with:\nall good");
  }

  @Test
  void emptyStdoutIsNamedAsSuch() {
    assertThatThrownBy(() -> run("true"))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageEndingWith("stdout was empty");
  }

  @Test
  void onlyStepLinesAreNotAMetric() {
    assertThatThrownBy(() -> run("echo '{\"step\": 1, \"value\": 0.5}'; echo '{\"step\": 2, \"value\": 0.4}'"))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageStartingWith("no metric: print a number or {\"value\": v} as the last line of stdout")
        .hasMessageContaining("only intermediate {\"step\": s, \"value\": v} lines were printed (2)");
    assertThat(context.reports).containsExactly("1=0.5", "2=0.4");
  }

  @Test
  void aBackgroundProcessLeftBehindIsKilledWithTheCommand() throws Exception {
    // The child keeps stdout open; without killing the command's session it would outlive the trial.
    Evaluation e = run("sleep 120 & echo $! > child.pid; echo 1");

    assertThat(e.value()).isEqualTo(1.0);
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
    Optional<ProcessHandle> handle = ProcessHandle.of(child);
    if (handle.isPresent()) {
      handle.get().onExit().get(); // killed with the session: this returns; a leak would hang until the timeout
    }
  }

  @Test
  void theStderrOfAFailureEndsWithTheRealEndOfAnOverlongLine() {
    assertThatThrownBy(() -> run("head -c 10000000 /dev/zero | tr '\\0' a >&2; printf ' the real end' >&2; exit 1"))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageEndingWith("a the real end")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(3000));
  }

  @Test
  void aCommandThatCannotStartFails() {
    CommandObjective objective = new CommandObjective("echo 1", null, dir.resolve("missing"), Map.of());

    assertThatThrownBy(() -> objective.evaluate(CONFIG, context))
        .isInstanceOf(TrialFailedException.class)
        .hasMessageStartingWith("command could not be started in " + dir.resolve("missing"));
  }

  @Test
  void interruptingTheEvaluationKillsTheProcessTree() throws Exception {
    CommandObjective objective = new CommandObjective(
        "echo $$ > sh.pid; sleep 120 & echo $! > bg.pid; touch ready; sleep 120; wait", null, dir, Map.of());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread evaluating = new Thread(() -> {
      try {
        objective.evaluate(CONFIG, context);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    evaluating.start();
    awaitFile(dir.resolve("ready"));

    evaluating.interrupt();
    evaluating.join(30_000);

    assertThat(evaluating.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    awaitGone(pid("sh.pid"));
    awaitGone(pid("bg.pid"));
  }

  @Test
  void megabytesOfOutputOnBothStreamsDoNotDeadlock() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; log.length() < 5_000_000; i++) {
      log.append("log line ").append(i).append(": nothing to see here, just a lot of text\n");
    }
    Files.writeString(dir.resolve("big.log"), log);

    Evaluation e = run("cat big.log; cat big.log >&2; cat big.log; echo '{\"value\": 0.5}'; cat big.log >&2");

    assertThat(e.value()).isEqualTo(0.5);
  }

  @Test
  void anyCharacterSurvivesQuoting() throws Exception {
    String value = "a'b\"c$d`e\\f g;h|i&j*k?~!#(){}[]<>\n'' end";
    SearchSpace space = SearchSpace.of(CategoricalParameter.of("v", value));

    run("printf '%s' {v} > out.txt; echo 1", space.config(Map.of("v", value)));

    assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)).isEqualTo(value);
  }

  @Test
  void badArgumentsAreRejectedUpFront() {
    assertThatThrownBy(() -> new CommandObjective(" ", null, dir, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command is empty");
    assertThatThrownBy(() -> new CommandObjective("echo 1", Duration.ZERO, dir, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> new CommandObjective("echo 1", null, dir, Map.of("ASAP_CONFIG", "{}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ASAP_CONFIG is set by ASAP");
    assertThatThrownBy(() -> new CommandObjective("echo 1", null, dir, Map.of("A=B", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad environment variable name");
  }

  private Evaluation run(String command) throws Exception {
    return run(command, CONFIG);
  }

  private Evaluation run(String command, Config config) throws Exception {
    return new CommandObjective(command, null, dir, Map.of()).evaluate(config, context);
  }

  private long pid(String file) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve(file)).strip());
  }

  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 300 && !Files.exists(file); i++) {
      Thread.sleep(100);
    }
    assertThat(file).exists();
  }

  /**
   * Waits generously (up to 30 s, less than the tests' sleeps) for {@code pid} to die; killed orphans may
   * linger as zombies, which count as dead.
   */
  private static void awaitGone(long pid) throws InterruptedException {
    for (int i = 0; i < 300 && !isGone(pid); i++) {
      Thread.sleep(100);
    }
    assertThat(isGone(pid)).as("process %d is gone", pid).isTrue();
  }

  private static boolean isGone(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return true;
    }
    // A killed process whose parent died is re-parented to init; until init reaps it, it is a zombie that
    // ProcessHandle may still call alive. Its state letter in /proc tells.
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException noLongerThere) {
      return true;
    }
  }

  /** Keeps what the objective reports, as "step=value". */
  private static final class Recorder implements TrialContext {
    final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    private final int number;

    Recorder(int number) {
      this.number = number;
    }

    @Override
    public int trialNumber() {
      return number;
    }

    @Override
    public void report(long step, double value) {
      reports.add(step + "=" + value);
    }
  }
}
