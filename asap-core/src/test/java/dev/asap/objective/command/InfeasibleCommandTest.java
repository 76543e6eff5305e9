package dev.asap.objective.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.objective.Evaluation;
import dev.asap.objective.FailureKind;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialFailedException;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How a real command says a config is infeasible, and what a failed one is charged. */
@Timeout(120) // a safety net against a hanging build, not a statement about speed
class InfeasibleCommandTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));
  private static final Config CONFIG = SPACE.config(Map.of("x", 0.5));

  @TempDir
  Path dir;

  private Evaluation run(String command, Set<Integer> infeasibleExits) throws Exception {
    return new CommandObjective(command, null, dir, Map.of(), infeasibleExits).evaluate(CONFIG, TrialContext.DETACHED);
  }

  @Test
  void feasibleFalseCarriesItsReasonCostAndFields() throws Exception {
    Evaluation e = run("echo '{\"feasible\": false, \"reason\": \"needs 97 GB of 80 GB\", \"cost\": 60, "
        + "\"memory_gb\": 97}'", Set.of());
    assertThat(e.isFeasible()).isFalse();
    assertThat(e.infeasibleReason()).isEqualTo("needs 97 GB of 80 GB");
    assertThat(e.costSeconds()).isEqualTo(60.0);
    assertThat(e.attributes()).isEqualTo(Map.of("user", Map.of("memory_gb", 97L)));
  }

  @Test
  void aReportedViolationIsKeptForTheTools() throws Exception {
    Evaluation e = run("echo '{\"feasible\": false, \"reason\": \"out of memory\", \"violation\": 0.25}'", Set.of());
    assertThat(e.attributes()).containsEntry(Evaluation.VIOLATION, 0.25);
  }

  @Test
  void anExplicitNullValueMeansNoValueForThisConfig() throws Exception {
    Evaluation e = run("echo '{\"value\": null}'", Set.of());
    assertThat(e.isFeasible()).isFalse();
    assertThat(e.infeasibleReason()).contains("\"value\": null");
  }

  @Test
  void aListedExitCodeIsInfeasibleWithStderrAndAnUnlistedOneAFailure() throws Exception {
    Evaluation e = run("echo 'CUDA out of memory' >&2; exit 137", Set.of(137));
    assertThat(e.isFeasible()).isFalse();
    assertThat(e.infeasibleReason()).contains("exit", "137", "infeasible_exit_codes", "CUDA out of memory");
    assertThatThrownBy(() -> run("exit 137", Set.of(3)))
        .isInstanceOfSatisfying(TrialFailedException.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.CRASHED));
  }

  @Test
  void anExplicitInfeasibleLineWinsOverANonZeroExit() throws Exception {
    Evaluation e = run("echo '{\"feasible\": false, \"reason\": \"bad shape\"}'; exit 1", Set.of());
    assertThat(e.infeasibleReason()).isEqualTo("bad shape");
  }

  @Test
  void failuresSayWhatKindTheyAreAndKeepTheCostTheyReported() {
    assertThatThrownBy(() -> run("echo '{\"value\": 1, \"cost\": 42}'; exit 2", Set.of()))
        .isInstanceOfSatisfying(TrialFailedException.class, f -> {
          assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
          assertThat(f.costSeconds()).isEqualTo(42.0);
        });
    assertThatThrownBy(() -> run("echo hello", Set.of()))
        .isInstanceOfSatisfying(TrialFailedException.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.NO_METRIC));
    assertThatThrownBy(() -> run("no-such-program-here", Set.of()))
        .isInstanceOfSatisfying(TrialFailedException.class,
            f -> assertThat(f.kind()).isEqualTo(FailureKind.NOT_RUNNABLE));
  }
}
