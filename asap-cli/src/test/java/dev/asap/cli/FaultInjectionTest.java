package dev.asap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.SqliteStore;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into real CLI processes: kill -9 at random moments (seeded), kill -9 of one of three processes
 * sharing a study, SIGINT to the process group, hostile placeholder values, a full disk under the trial log,
 * a corrupt database. Each checks what docs/reliability.md promises: no completed trial lost, nothing left
 * RUNNING once the survivors finish, the budget exact, exit codes as documented.
 *
 * <p>The counts are those of the CI run; {@code -Dasap.faults.scale=5} (the {@code faults} Maven profile) runs
 * five times as many.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES) // a safety net against a hanging build, not a statement about speed
class FaultInjectionTest {
  private static final int SCALE = Integer.getInteger("asap.faults.scale", 1);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fast trials with a little jitter, writing the pid of the command so that leaks can be checked. */
  private static final String QUICK = "echo $$ >> pids.txt; sleep 0.{d}; echo {x}";

  @TempDir
  Path dir;

  private final Random random = new Random(20261207);

  @Test
  void killMinusNineAtRandomMomentsLosesNoCompletedTrialAndTheBudgetEndsExact() throws Exception {
    studyFile("k9", QUICK);
    Map<Integer, Double> completed = new HashMap<>();
    int kills = 0;
    for (int i = 0; i < 20 * SCALE; i++) {
      CliProcess p = CliProcess.start(dir, "run", "k9.yaml", "--trials", "100000", "--workers", "2",
          "--optimizer", "tpe", "--log", "k9.jsonl");
      assertThat(p.process.waitFor(300 + random.nextInt(2500), TimeUnit.MILLISECONDS)).isFalse();
      p.process.destroyForcibly().waitFor();
      kills++;
      Thread.sleep(200); // the kernel's parent-death signal reaches the commands
      assertNoLeftoverProcesses();
      List<Trial> trials = trials("k9");
      int kill = kills;
      completed.forEach((n, v) -> assertThat(trials.get(n).value()).as("trial %d after kill %d", n, kill).isEqualTo(v));
      trials.stream().filter(Trial::isComplete).forEach(t -> completed.put(t.number(), t.value()));
    }

    int budget = (int) trials("k9").stream().filter(t -> !t.wasInterrupted()).count() + 10;
    CliProcess.Result last = CliProcess.run(dir, "run", "k9.yaml", "--trials", String.valueOf(budget), "--workers",
        "2", "--optimizer", "tpe", "--log", "k9.jsonl");
    assertThat(last.exitCode()).as(last.err()).isZero();
    List<Trial> trials = trials("k9");
    completed.forEach((n, v) -> assertThat(trials.get(n).value()).isEqualTo(v));
    assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING);
    assertThat(trials.stream().filter(t -> !t.wasInterrupted()).count()).isEqualTo(budget);
    assertThat(kills).isEqualTo(20 * SCALE);
    assertLogMatchesStore("k9.jsonl", trials);
    assertNoLeftoverProcesses();
  }

  @Test
  void threeProcessesOnOneStudyEndWithTheExactBudgetWhenOneIsKilled() throws Exception {
    for (int round = 0; round < 2 * SCALE; round++) {
      String name = "shared" + round;
      studyFile(name, "sleep 0.{d}; echo {x}");
      int budget = 30;
      List<CliProcess> processes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        processes.add(CliProcess.start(dir, "run", name + ".yaml", "--trials", String.valueOf(budget), "--workers",
            "2", "--optimizer", "random"));
      }
      Thread.sleep(1500 + random.nextInt(2000));
      CliProcess victim = processes.remove(random.nextInt(3));
      victim.process.destroyForcibly().waitFor();
      for (CliProcess survivor : processes) {
        assertThat(survivor.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(survivor.process.exitValue()).as(survivor.result().err()).isZero();
      }

      List<Trial> trials = trials(name);
      assertThat(trials).as("round %d", round).noneMatch(t -> t.state() == TrialState.RUNNING);
      assertThat(trials.stream().filter(t -> !t.wasInterrupted()).count()).as("round %d", round).isEqualTo(budget);
      assertThat(trials.stream().filter(Trial::isComplete).count()).isEqualTo(budget);
      assertThat(trials.stream().map(Trial::number).distinct().count()).isEqualTo(trials.size());
    }
  }

  @Test
  void threeProcessesWithAFastObjectiveNeverOvershootTheBudget() throws Exception {
    for (int round = 0; round < 3 * SCALE; round++) {
      String name = "fast" + round;
      studyFile(name, "echo {x}");
      List<CliProcess> processes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        processes.add(CliProcess.start(dir, "run", name + ".yaml", "--trials", "40", "--workers", "3",
            "--optimizer", "random"));
      }
      for (CliProcess p : processes) {
        assertThat(p.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.process.exitValue()).as(p.result().err()).isZero();
      }
      List<Trial> trials = trials(name);
      assertThat(trials).as("round %d", round).hasSize(40).allMatch(Trial::isComplete);
    }
  }

  @Test
  void ctrlCToTheProcessGroupStopsCleanly() throws Exception {
    studyFile("int", "echo $$ >> pids.txt; sleep 1.{d}; echo {x}");
    int interrupts = 0;
    for (int i = 0; i < 10 * SCALE; i++) {
      long commandsBefore = commandsStarted();
      CliProcess p = CliProcess.startInNewSession(dir, "run", "int.yaml", "--trials", "1000", "--workers", "3",
          "--optimizer", "tpe");
      // Signalled once it runs trials (a slow JVM start on a loaded machine must not meet the signal first).
      for (int wait = 0; commandsStarted() == commandsBefore && wait < 600 && p.process.isAlive(); wait++) {
        Thread.sleep(100);
      }
      Thread.sleep(200 + random.nextInt(2500));
      double signalled = System.currentTimeMillis() / 1e3;
      // Every third time a second Ctrl-C follows at once, as an impatient user presses it.
      boolean twice = i % 3 == 2;
      long group = processGroup(p.process.pid());
      // The CLI leads its own group; never signal another one (the test's own, before setsid ran).
      assertThat(group).isEqualTo(p.process.pid());
      // The second signal may find the run gone already.
      Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -INT -" + group + (twice ? " && { sleep 0.05; kill -INT -"
          + group + " 2>/dev/null; true; }" : "")).start();
      assertThat(kill.waitFor()).as("kill -INT -%d", group).isZero();
      interrupts++;
      if (!p.process.waitFor(2, TimeUnit.MINUTES)) {
        Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
            String.valueOf(p.process.pid())).redirectErrorStream(true).start();
        String threads = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.process.destroyForcibly().waitFor();
        throw new AssertionError("no exit 2 minutes after Ctrl-C (iteration " + i + "); output:\n" + p.result().out()
            + p.result().err() + "\nthreads:\n" + threads);
      }
      CliProcess.Result r = p.result();

      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(130);
      if (!r.err().contains("stopped at once")) {
        // The clean stop finished before a second signal came: its summary is whole.
        assertThat(r.out()).contains("Stopped: stopped by request").contains("Stored in").endsWith("--storage "
            + "sqlite:" + dir.resolve("asap.db").toRealPath() + System.lineSeparator());
      }
      List<Trial> trials = trials("int");
      assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING);
      // Nothing starts after the signal (a trial's start is epoch seconds; 0.5 s covers the signal's delivery).
      assertThat(trials).allMatch(t -> t.start() < signalled + 0.5);
      assertThat(trials).filteredOn(t -> t.state() == TrialState.FAILED).isEmpty();
    }
    assertThat(interrupts).isEqualTo(10 * SCALE);
    assertNoLeftoverProcesses();
  }

  @Test
  void hostileValuesRunNothingThroughTheCli() throws Exception {
    StringBuilder values = new StringBuilder();
    for (String v : List.of("a; touch pwned", "$(touch pwned)", "`touch pwned`", "'; touch pwned; '",
        "\"; touch pwned\"", "-n", "", "naïve ✓")) {
      values.append(values.length() == 0 ? "" : ", ").append(JSON.writeValueAsString(v));
    }
    Files.writeString(dir.resolve("hostile.yaml"), String.join("\n",
        "name: hostile",
        "objective:",
        "  command: \"printf '%s' '{c}' > out-$ASAP_TRIAL.txt; echo 1\"",
        "space:",
        "  c: {type: categorical, choices: [" + values + "]}",
        ""), StandardCharsets.UTF_8);

    CliProcess.Result r = CliProcess.run(dir, "run", "hostile.yaml", "--trials", "30", "--optimizer", "random");

    assertThat(r.exitCode()).as(r.err()).isZero();
    for (Trial t : trials("hostile")) {
      assertThat(Files.readString(dir.resolve("out-" + t.number() + ".txt"), StandardCharsets.UTF_8))
          .isEqualTo(t.config().get("c"));
    }
    assertThat(dir.resolve("pwned")).doesNotExist();
  }

  @Test
  void aFullDiskUnderTheTrialLogLosesNoTrialAndSaysHowToRecover() throws Exception {
    studyFile("full", "echo {x}");

    CliProcess.Result r = CliProcess.run(dir, "run", "full.yaml", "--trials", "5", "--optimizer", "random", "--log",
        "/dev/full");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("could not write the trial log /dev/full").contains("export");
    assertThat(trials("full")).hasSize(5).allMatch(Trial::isComplete);
  }

  @Test
  void aCorruptDatabaseIsReportedAndNotTouched() throws Exception {
    studyFile("c", "echo {x}");
    assertThat(CliProcess.run(dir, "run", "c.yaml", "--trials", "3", "--optimizer", "random").exitCode()).isZero();
    Path db = dir.resolve("asap.db");
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      byte[] garbage = new byte[4096];
      random.nextBytes(garbage);
      f.seek(0);
      f.write(garbage); // the header and the schema page
    }
    byte[] before = Files.readAllBytes(db);

    for (String[] args : List.of(new String[] {"run", "c.yaml", "--trials", "6"}, new String[] {"show", "c"},
        new String[] {"export", "c", "--format", "csv"}, new String[] {"studies"})) {
      CliProcess.Result r = CliProcess.run(dir, args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).contains(db.toString()).contains("not an SQLite database").doesNotContain("\tat ");
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  /** The process group of a process, from /proc (field 5 of its stat line). */
  /** Objective commands started so far in this test's folder (each appends its pid to pids.txt). */
  private long commandsStarted() throws IOException {
    Path pids = dir.resolve("pids.txt");
    return Files.exists(pids) ? Files.readAllLines(pids).size() : 0;
  }

  private static long processGroup(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[2]);
  }

  private void studyFile(String name, String command) throws IOException {
    Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
        "name: " + name,
        "objective:",
        "  command: \"" + command + "\"",
        "space:",
        "  x: {type: float, low: 0, high: 1}",
        "  d: {type: int, low: 1, high: 3}",
        ""));
  }

  private List<Trial> trials(String study) {
    try (StudyStore store = SqliteStore.openReadOnly(dir.resolve("asap.db"))) {
      return Study.load(store, study).trials();
    }
  }

  /** The log holds one line per evaluated trial of the store, numbered 0.. without gaps or repeats. */
  private void assertLogMatchesStore(String log, List<Trial> trials) throws IOException {
    Set<Integer> numbers = new HashSet<>();
    List<Integer> positions = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(log))) {
      JsonNode node = JSON.readTree(line);
      assertThat(numbers.add(node.get("number").asInt())).as("repeated line for trial %s", node.get("number")).isTrue();
      positions.add(node.get("trial").asInt());
    }
    Set<Integer> evaluated = new HashSet<>();
    trials.stream().filter(t -> t.state().isFinished() && !t.wasInterrupted()).forEach(t -> evaluated.add(t.number()));
    assertThat(numbers).isEqualTo(evaluated);
    assertThat(positions).isEqualTo(Stream.iterate(0, k -> k + 1).limit(positions.size()).toList());
  }

  /**
   * True when the process exists and is not a zombie: a command killed after its parent died is re-parented to
   * init, which in some containers never reaps it, so it stays listed though it no longer runs.
   */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException gone) {
      return false;
    }
  }

  /** Every objective command (they append their pid to pids.txt) is gone. */
  private void assertNoLeftoverProcesses() throws IOException {
    Path pids = dir.resolve("pids.txt");
    if (!Files.exists(pids)) {
      return;
    }
    for (String line : Files.readAllLines(pids)) {
      if (!line.isBlank()) {
        long pid = Long.parseLong(line.trim());
        assertThat(running(pid)).as("objective process %d still alive", pid).isFalse();
      }
    }
  }
}
