package dev.asap.studyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.FloatParameter;
import dev.asap.trial.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFileLoaderTest {
  private static final String EXAMPLE = """
      name: branin
      direction: minimize
      objective:
        command: "python3 branin.py {x} {y}"
        timeout: 60s
      trials: 50          # optional defaults
      workers: 2
      space:
        x: {type: float, low: -5, high: 10}
        y: {type: float, low: 0, high: 15}
        lr: {type: float, low: 1.0e-5, high: 1, log: true}
        opt: {type: categorical, choices: [adam, sgd]}
        momentum: {type: float, low: 0, high: 1, when: {opt: [sgd]}}
      """;

  private static final String HEAD = """
      name: s
      objective:
        command: run
      """;

  @TempDir
  Path dir;

  @Test
  void theExampleLoads() throws IOException {
    StudyFile f = StudyFileLoader.load(write("study.yaml", EXAMPLE));
    assertThat(f.source()).isEqualTo(dir.resolve("study.yaml").toAbsolutePath().normalize());
    assertThat(f.name()).isEqualTo("branin");
    assertThat(f.direction()).isEqualTo(Direction.MINIMIZE);
    assertThat(f.objective()).isEqualTo(new ObjectiveSpec("python3 branin.py {x} {y}", Duration.ofSeconds(60),
        dir.toAbsolutePath().normalize(), Map.of()));
    assertThat(f.trials()).isEqualTo(50);
    assertThat(f.workers()).isEqualTo(2);
    assertThat(f.time()).isNull();
    assertThat(f.seed()).isNull();
    assertThat(f.optimizer()).isNull();
    assertThat(f.storage()).isNull();
    assertThat(f.space().parameters()).containsExactly(FloatParameter.of("x", -5, 10), FloatParameter.of("y", 0, 15),
        FloatParameter.log("lr", 1e-5, 1), CategoricalParameter.of("opt", "adam", "sgd"),
        FloatParameter.of("momentum", 0, 1));
    assertThat(f.space().conditions()).isEqualTo(Map.of("momentum", new Condition.In("opt", List.of("sgd"))));
  }

  @Test
  void everyOptionalKey() throws IOException {
    StudyFile f = StudyFileLoader.load(write("study.yaml", """
        name: full
        direction: max
        objective:
          command: "./train --x={x} && awk '{ print $1 }' out.txt {{x}}"
          workdir: runs/a
          env: {OMP_NUM_THREADS: 1, MODE: fast}
        trials: 1_000
        time: 1h30m
        workers: 8
        seed: -3
        optimizer: tpe
        storage: sqlite:study.db
        space:
          x:
            type: int
            low: 1
            high: 9
        """));
    assertThat(f.direction()).isEqualTo(Direction.MAXIMIZE);
    assertThat(f.objective().timeout()).isNull();
    assertThat(f.objective().workdir()).isEqualTo(dir.toAbsolutePath().normalize().resolve("runs/a"));
    assertThat(f.objective().env()).containsExactly(Map.entry("OMP_NUM_THREADS", "1"), Map.entry("MODE", "fast"));
    assertThat(f.trials()).isEqualTo(1000);
    assertThat(f.time()).isEqualTo(Duration.ofMinutes(90));
    assertThat(f.workers()).isEqualTo(8);
    assertThat(f.seed()).isEqualTo(-3L);
    assertThat(f.optimizer()).isEqualTo("tpe");
    assertThat(f.storage()).isEqualTo("sqlite:study.db");
  }

  @Test
  void spaceFromAConfigSpaceFileNextToTheStudyFile() throws IOException {
    write("spaces/cs.json", """
        {"hyperparameters": [
          {"name": "booster", "type": "categorical", "choices": ["gbtree", "dart"]},
          {"name": "rate_drop", "type": "uniform_float", "lower": 0.0, "upper": 1.0, "log": false}],
         "conditions": [{"child": "rate_drop", "parent": "booster", "type": "EQ", "value": "dart"}],
         "forbiddens": []}
        """);
    StudyFile f = StudyFileLoader.load(write("study.yaml", """
        name: cs
        objective: {command: "run {booster}"}
        space: spaces/cs.json
        """));
    assertThat(f.space().condition("rate_drop")).isEqualTo(new Condition.In("booster", List.of("dart")));
  }

  @Test
  void logScaleWithZeroLowPointsAtTheParameter() {
    assertError(HEAD + """
        space:
          x: {type: float, low: -5, high: 10}
          lr: {type: float, low: 0, high: 1, log: true}
        """, 6, 3, "parameter 'lr': a log-scale parameter needs low > 0 (got 0.0); use a positive lower bound or "
        + "drop log");
  }

  @Test
  void aFidelityWithAnEmptyRangeIsRefusedWhereItIsWritten() {
    assertError(HEAD + "space: {x: {type: int, low: 0, high: 3}}\nfidelity: {name: epochs, min: 9, max: 9}\n", 5, 11,
        "fidelity epochs: min (9.0) must be below max (9.0)");
  }

  @Test
  void anUnknownSchedulerListsTheKnownOnes() {
    assertError(HEAD + "space: {x: {type: int, low: 0, high: 3}}\nscheduler: asah\n", 5, 12,
        "unknown scheduler 'asah'; choose one of none, median, percentile, asha, hyperband");
  }

  @Test
  void aStudyWithFidelityAndSchedulerReadsBoth() throws Exception {
    Path file = dir.resolve("mf.yaml");
    java.nio.file.Files.writeString(file, """
        name: s
        objective: {command: "train {x} {epochs}"}
        space: {x: {type: float, low: 0, high: 1}}
        fidelity: {name: epochs, min: 1, max: 81, eta: 3}
        scheduler: {name: percentile, percentile: 10}
        """);

    StudyFile study = StudyFileLoader.load(file);

    assertThat(study.fidelity()).isEqualTo(new dev.asap.schedule.Fidelity("epochs", 1, 81, 3, true));
    assertThat(study.scheduler().name()).isEqualTo("percentile");
    assertThat(study.scheduler().settings()).containsEntry("percentile", 10.0);
  }

  @Test
  void unknownTopLevelKeySuggestsTheNearestOne() {
    assertError(HEAD + "trails: 5\nspace: {x: {type: int, low: 0, high: 3}}\n", 4, 1,
        "unknown key 'trails'; did you mean 'trials'? allowed keys are [name, direction, objective, space, trials, "
            + "time, workers, seed, optimizer, storage, constraints, fidelity, scheduler]");
  }

  @Test
  void aConstraintWithAnUnknownNameIsReportedAtItsLine() {
    assertError(HEAD + "space: {tp: {type: int, low: 1, high: 8}}\nconstraints:\n  - \"tp * ppp <= 64\"\n", 6, 5,
        "constraint 'tp * ppp <= 64': at column 6: unknown name 'ppp'");
  }

  @Test
  void constraintsNoConfigSatisfiesAreRefused() {
    assertError(HEAD + "space: {tp: {type: int, low: 1, high: 8}}\nconstraints: [\"tp > 8\"]\n", 5, 15,
        "no config satisfies the constraints");
  }

  @Test
  void missingRequiredKeys() {
    String space = "space: {x: {type: int, low: 0, high: 3}}\n";
    assertError("objective: {command: run}\n" + space, 1, 1, "missing 'name'; add e.g. name: my-study");
    assertError("# a comment\nname: s\n" + space, 2, 1, "missing 'objective'; add e.g. objective: {command: ");
    assertError(HEAD, 1, 1, "missing 'space'; add e.g. space: {x: {type: float, low: 0, high: 1}}");
    assertError("name: s\nobjective:\n  timeout: 5s\n" + space, 2, 1,
        "the objective has no command; add e.g. command: \"python3 train.py {x}\"");
    assertError(HEAD + "space:\n", 4, 1, "'space' has no value; write e.g. space: {x: {type: float, low: 0, high: 1}}");
    assertError("name:\nobjective: {command: run}\n" + space, 1, 1, "'name' has no value; write e.g. name: my-study");
  }

  @Test
  void badDirection() {
    assertError("name: s\ndirection: up\nobjective: {command: run}\nspace: {x: {type: int, low: 0, high: 3}}\n", 2, 12,
        "direction must be minimize or maximize, got 'up'; write direction: minimize or direction: maximize");
  }

  @Test
  void badDurations() {
    String space = "space: {x: {type: int, low: 0, high: 3}}\n";
    assertError("name: s\nobjective:\n  command: run\n  timeout: 3x\n" + space, 4, 12,
        "'timeout': '3x' is not a duration; write e.g. timeout: 60s (units ms, s, m, h, d; 1h30m also works)");
    assertError(HEAD + "time: 0s\n" + space, 4, 7, "'time' must be longer than zero; write e.g. time: 2h or leave it out");
  }

  @Test
  void badNumbers() {
    String space = "space: {x: {type: int, low: 0, high: 3}}\n";
    assertError(HEAD + "trials: 0\n" + space, 4, 9, "'trials' must be a whole number of at least 1, got '0'; write e.g. "
        + "trials: 50");
    assertError(HEAD + "workers: 1.5\n" + space, 4, 10, "'workers' must be a whole number of at least 1, got '1.5'");
    assertError(HEAD + "seed: abc\n" + space, 4, 7, "'seed' must be a whole number, got 'abc'; write e.g. seed: 42");
  }

  @Test
  void wrongShapes() {
    assertError("- name: s\n", 1, 1, "a study file is a map of keys such as name:, objective: and space:, got a list");
    assertError("name: s\nobjective: python3 run.py\nspace: {x: {type: int, low: 0, high: 3}}\n", 2, 12,
        "'objective' must be a map with at least a command, got 'python3 run.py'; write e.g. objective: {command: ");
    assertError("name: s\nobjective: {cmd: run}\nspace: {x: {type: int, low: 0, high: 3}}\n", 2, 13,
        "unknown objective key 'cmd'; allowed keys are [command, timeout, workdir, env, infeasible_exit_codes]");
    assertError(HEAD + "space: [x, y]\n", 4, 8, "'space' must map parameter names to definitions or name a ConfigSpace "
        + "JSON file, got a list");
    assertError("name: [a, b]\nobjective: {command: run}\nspace: {x: {type: int, low: 0, high: 3}}\n", 1, 7,
        "'name' must be a single non-empty value, got a list; write e.g. name: my-study");
  }

  @Test
  void yamlSyntaxErrorsCarrySnakeYamlsPosition() {
    StudyFileException e = error("name: s\nobjective: {command: run\nspace: {x: {type: int, low: 0, high: 3}}\n");
    assertThat(e.getMessage()).contains("YAML syntax error: ").contains("; check the indentation, colons and quotes");
    assertThat(e.line()).isEqualTo(3);
    StudyFileException tab = error("name: s\nobjective:\n\tcommand: run\n");
    assertThat(tab.line()).isEqualTo(3);
    assertThat(tab.getMessage()).contains("YAML syntax error: ");
  }

  @Test
  void duplicateKeys() {
    assertError(HEAD + "space:\n  x: {type: int, low: 0, high: 3}\n  x: {type: int, low: 0, high: 4}\n", 6, 3,
        "key 'x' appears twice (first on line 5); keep only one of them");
    assertError("name: a\nname: b\n", 2, 1, "key 'name' appears twice (first on line 1)");
  }

  @Test
  void unknownPlaceholderPointsAtTheCommand() {
    assertError("""
        name: s
        objective:
          command: "python3 run.py {x} {z} {{literal}}"
        space:
          x: {type: float, low: 0, high: 1}
          y: {type: float, low: 0, high: 1}
        """, 3, 12, "the command uses {z}, but the space has no parameter 'z'; use one of {x}, {y}, or write {{z}} for "
        + "literal braces");
  }

  @Test
  void spaceErrorsPointAtTheParameterOrItsKey() {
    String block = HEAD + """
        space:
          opt:
            type: categorical
            choices: [adam, sgd]
          momentum:
            type: float
            lo: 0
            high: 1
        """;
    assertError(block, 10, 5, "parameter 'momentum': unknown key 'lo' for type float");
    String when = HEAD + """
        space:
          opt:
            type: categorical
            choices: [adam, sgd]
          momentum:
            type: float
            low: 0
            high: 1
            when:
              opt: [rmsprop]
        """;
    assertError(when, 13, 7, "parameter 'momentum' depends on opt = 'rmsprop', a value 'opt' cannot take (its choices "
        + "are [adam, sgd])");
    assertError(when.replace("opt: [rmsprop]", "optimizer: [sgd]"), 13, 7,
        "parameter 'momentum' depends on unknown parameter 'optimizer'; the space has [opt, momentum]");
    assertError(HEAD + "space:\n  x: {type: flaot, low: 0, high: 1}\n", 5, 3, "parameter 'x': unknown type 'flaot'");
    assertError(HEAD + "space:\n  x: {type: float, low: zero, high: 1}\n", 5, 20, "parameter 'x': 'low' must be a number");
    assertError(HEAD + "space:\n  x: {type: float, low: 0, high: 1, when: [a]}\n", 5, 37,
        "parameter 'x': 'when' must map parent names to lists of values");
    assertError(HEAD + "space:\n  x: 3\n", 5, 3, "parameter 'x': expected a map such as {type: float, low: 0, high: 1}");
    assertError(HEAD + "space: {}\n", 4, 1, "the space defines no parameters; add at least one under 'space:'");
  }

  @Test
  void cyclesAndSelfDependencyPointAtTheOffendingParent() {
    String cycle = HEAD + """
        space:
          a: {type: categorical, choices: [p, q], when: {b: [p]}}
          b: {type: categorical, choices: [p, q], when: {a: [p]}}
        """;
    assertError(cycle, 5, 50, "conditions form a cycle: a -> b -> a; a parameter cannot (indirectly) depend on itself");
    assertError(HEAD + "space:\n  a: {type: categorical, choices: [p, q], when: {a: [p]}}\n", 5, 50,
        "parameter 'a' cannot depend on itself");
  }

  @Test
  void configSpaceFileProblems() throws IOException {
    assertError(HEAD + "space: nope.json\n", 4, 8, "ConfigSpace file 'nope.json' not found (looked for "
        + dir.toAbsolutePath().normalize().resolve("nope.json") + "); give its path relative to the study file's "
        + "directory");
    write("forbidden.json", """
        {"hyperparameters": [{"name": "a", "type": "categorical", "choices": ["x", "y"]}],
         "forbiddens": [{"name": "a", "type": "EQUALS", "value": "x"}]}
        """);
    assertError(HEAD + "space: forbidden.json\n", 4, 8, dir.toAbsolutePath().normalize().resolve("forbidden.json")
        + ": forbidden clauses are not supported yet (found 1, the first is ");
  }

  @Test
  void unreadableAndEmptyFiles() throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> StudyFileLoader.load(missing)).isInstanceOf(StudyFileException.class)
        .hasMessage(missing + ": no such file; check the path");
    assertError("", 1, 1, "the file is empty; write at least name:, objective: and space:");
    assertError("# only a comment\n", 1, 1, "the file is empty");
  }

  private void assertError(String yaml, int line, int column, String message) {
    StudyFileException e = error(yaml);
    Path file = dir.resolve("study.yaml");
    assertThat(e.getMessage()).startsWith(file + ":" + line + ":" + column + ": " + message);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.file()).isEqualTo(file);
  }

  private StudyFileException error(String yaml) {
    try {
      Path file = write("study.yaml", yaml);
      StudyFileException e = catchThrowableOfType(StudyFileException.class, () -> StudyFileLoader.load(file));
      assertThat(e).as("loading should fail:%n%s", yaml).isNotNull();
      return e;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }
}
