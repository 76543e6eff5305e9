package dev.asap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.schedule.Rungs;
import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.SqliteStore;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedulers through the CLI, on a real training-like command that prints one line per epoch. */
class SchedulerCliTest {
  /**
   * Trains for {epochs} epochs, a tenth of a second each, printing the loss after each; on SIGTERM it
   * "saves a checkpoint" (a file named after the trial) and exits.
   */
  private static final String TRAIN = """
      x=$1; epochs=$2
      trap 'touch "checkpoint-$ASAP_TRIAL"; exit 0' TERM
      e=1
      while [ $e -le $epochs ]; do
        v=$(awk -v x=$x -v e=$e 'BEGIN { print (x - 0.3)^2 + 1/e }')
        echo "{\\"step\\": $e, \\"value\\": $v}"
        sleep 0.1
        e=$((e + 1))
      done
      echo "{\\"value\\": $v}"
      """;

  @TempDir
  Path dir;

  private void studyFile(String scheduler) throws Exception {
    Files.writeString(dir.resolve("train.sh"), TRAIN);
    Files.writeString(dir.resolve("lc.yaml"), """
        name: lc
        objective: {command: "sh train.sh {x} {epochs}"}
        space:
          x: {type: float, low: 0, high: 1}
        fidelity: {name: epochs, min: 1, max: 9, eta: 3}
        """ + scheduler);
  }

  private List<Trial> trials() {
    try (StudyStore store = SqliteStore.open(dir.resolve("asap.db"))) {
      return Study.load(store, "lc").trials();
    }
  }

  @Test
  void medianStoppingSignalsTheCommandWhichKeepsItsLastStepAsTheValue() throws Exception {
    studyFile("scheduler: {name: median, startup_trials: 2}\n");

    CliProcess.Result run = CliProcess.run(dir, "run", "lc.yaml", "--trials", "10", "--seed", "4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("scheduler median over epochs 1, 3, 9");
    List<Trial> pruned = trials().stream().filter(t -> t.state() == TrialState.PRUNED).toList();
    assertThat(pruned).as(run.out()).isNotEmpty();
    for (Trial t : pruned) {
      long step = ((Number) t.attributes().get("pruned_at_step")).longValue();
      assertThat(step).isLessThan(9);
      assertThat(t.value()).isEqualTo(t.intermediate().get(t.intermediate().lastKey()));
      assertThat(t.error()).contains("median");
      assertThat(dir.resolve("checkpoint-" + t.number())).as("the command got SIGTERM and saved").exists();
    }
    assertThat(run.out()).containsPattern("\\d+ pruned");
  }

  @Test
  void ashaGivesTheCommandEachRungsEpochsAndPromotesConfigsUnchanged() throws Exception {
    studyFile("");

    CliProcess.Result run = CliProcess.run(dir, "run", "lc.yaml", "--trials", "14", "--seed", "5",
        "--scheduler", "asha", "--optimizer", "random");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Trial> trials = trials();
    assertThat(trials).hasSize(14).allMatch(Trial::isComplete);
    for (Trial t : trials) {
      long epochs = ((Number) t.attributes().get(Rungs.BUDGET)).longValue();
      assertThat(t.intermediate().lastKey()).as("the command ran the epochs it was given").isEqualTo(epochs);
    }
    assertThat(trials).anySatisfy(t -> assertThat(Rungs.promotedFrom(t)).isPresent());
  }

  @Test
  void aFidelityThatIsAlsoAParameterIsRefusedWithTheFix() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), """
        name: bad
        objective: {command: "echo {epochs}"}
        space:
          epochs: {type: int, low: 1, high: 9}
        fidelity: {name: epochs, min: 1, max: 9}
        """);

    CliProcess.Result run = CliProcess.run(dir, "run", "bad.yaml", "--trials", "2");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("bad.yaml:5").contains("both a parameter of the space and the fidelity");
  }

  @Test
  void aSchedulerWithRungsButNoFidelityIsRefusedWithTheFix() throws Exception {
    Files.writeString(dir.resolve("nofid.yaml"), """
        name: nofid
        objective: {command: "echo {x}"}
        space:
          x: {type: float, low: 0, high: 1}
        """);

    CliProcess.Result run = CliProcess.run(dir, "run", "nofid.yaml", "--trials", "2", "--scheduler", "hyperband");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("needs a fidelity").contains("fidelity: {name: epochs");
  }
}
