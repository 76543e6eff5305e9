package dev.asap.bench.task;

import dev.asap.bench.catalog.TaskCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstrainedTasksTest {

  @Test
  void aTestProblemChargesAShortCrashForAnInfeasibleConfigAndAFullEvaluationOtherwise() throws Exception {
    BenchmarkTask g08 = ConstrainedTasks.byName("constrained-g08").orElseThrow();
    Evaluation crash = g08.objective().evaluate(g08.space().config(Map.of("x1", 2.0, "x2", 1.0)),
        TrialContext.DETACHED);
    assertThat(crash.isFeasible()).isFalse();
    assertThat(crash.infeasibleReason()).isEqualTo("violates g1 by 4.00, g2 by 8.00");
    assertThat(crash.costSeconds()).isEqualTo(ConstrainedTasks.CRASH_SECONDS);
    Evaluation best = g08.objective().evaluate(g08.space().config(Map.of("x1", 1.22797135260752599,
        "x2", 4.24537336612274885)), TrialContext.DETACHED);
    assertThat(best.isFeasible()).isTrue();
    assertThat(best.value()).isCloseTo(g08.optimum(), within(1e-12));
    assertThat(best.costSeconds()).isEqualTo(SyntheticTasks.EVAL_SECONDS);
  }

  @Test
  void infeasibleAnswersSayHowFarAndTheSilentVariantDoesNot() throws Exception {
    Map<String, Object> far = Map.of("x1", 2.0, "x2", 1.0);
    BenchmarkTask g08 = ConstrainedTasks.byName("constrained-g08").orElseThrow();
    assertThat(g08.objective().evaluate(g08.space().config(far), TrialContext.DETACHED).attributes())
        .containsEntry(Evaluation.VIOLATION, 12.0);
    BenchmarkTask silent = ConstrainedTasks.byName("silent-constrained-g08").orElseThrow();
    assertThat(silent.family()).isEqualTo(ConstrainedTasks.SILENT_FAMILY);
    Evaluation answer = silent.objective().evaluate(silent.space().config(far), TrialContext.DETACHED);
    assertThat(answer.infeasibleReason()).isEqualTo("violates g1 by 4.00, g2 by 8.00");
    assertThat(answer.costSeconds()).isEqualTo(ConstrainedTasks.CRASH_SECONDS);
    assertThat(answer.attributes()).doesNotContainKey(Evaluation.VIOLATION);
    try (TaskCatalog c = TaskCatalog.open(Path.of("/nonexistent/benchdata"))) {
      assertThat(c.select("constrained-silent")).hasSize(12).allMatch(t -> t.name().startsWith("silent-"));
    }
  }

  @Test
  void theReferenceIsOverFeasibleDrawsAndKeepsTheInfeasibleShare() {
    BenchmarkTask vessel = ConstrainedTasks.byName("constrained-pressure-vessel").orElseThrow();
    TaskReference r = References.of(vessel);
    assertThat(r.infeasibleShare()).isBetween(0.58, 0.62);
    assertThat(r.samples()).isEqualTo((int) Math.round(ConstrainedTasks.REFERENCE_DRAWS * (1 - r.infeasibleShare())));
    assertThat(r.meanCost()).isEqualTo(SyntheticTasks.EVAL_SECONDS);
    assertThat(r.normalises()).isTrue();
  }

  @Test
  void theFamilyIsSelectedByNameButNotBySmokeOrFull() {
    try (TaskCatalog c = TaskCatalog.open(Path.of("/nonexistent/benchdata"))) {
      assertThat(c.select("constrained")).hasSize(12).allMatch(t -> t.family().equals(ConstrainedTasks.FAMILY))
          .extracting(BenchmarkTask::name).contains("constrained-g04", "constrained-g08", "constrained-g09",
              "constrained-g12", "constrained-g24", "constrained-spring", "constrained-pressure-vessel",
              "constrained-welded-beam", "constrained-three-bar-truss", "constrained-gramacy-toy",
              "llm-parallelism-13b", "llm-parallelism-30b");
      assertThat(c.select("constrained-g12,llm-parallelism-30b")).extracting(BenchmarkTask::name)
          .containsExactly("constrained-g12", "llm-parallelism-30b");
      assertThat(c.select("llm-parallelism")).extracting(BenchmarkTask::name)
          .containsExactly("llm-parallelism-13b", "llm-parallelism-30b");
      assertThat(c.select("smoke")).noneMatch(t -> t.family().equals(ConstrainedTasks.FAMILY));
      assertThat(c.select("full")).noneMatch(t -> t.family().equals(ConstrainedTasks.FAMILY));
    }
  }
}
