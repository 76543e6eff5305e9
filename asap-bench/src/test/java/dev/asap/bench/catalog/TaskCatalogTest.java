package dev.asap.bench.catalog;

import dev.asap.bench.task.BenchData;
import dev.asap.bench.task.ExternalTask;
import dev.asap.bench.task.BenchmarkTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.trial.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCatalogTest {

  @Test
  void selectsTasksAndFamiliesByNameWithoutDuplicates() {
    try (TaskCatalog c = TaskCatalog.open(Path.of("/nonexistent/benchdata"))) {
      assertThat(c.select("branin, hartmann3,branin")).extracting(BenchmarkTask::name)
          .containsExactly("branin", "hartmann3");
      assertThat(c.select("synthetic")).hasSize(12);
      assertThatThrownBy(() -> c.select("no-such-task")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown benchmark 'no-such-task'");
    }
  }

  @Test
  void missingDataSkipsItsFamiliesWithOneNoteNamingThePath() {
    try (TaskCatalog c = TaskCatalog.open(Path.of("/nonexistent/benchdata"))) {
      assertThat(c.select("smoke")).extracting(BenchmarkTask::name).containsExactly("branin", "hartmann3", "mixed");
      assertThat(c.notes()).singleElement().asString().contains("/nonexistent/benchdata").contains("missing");
      assertThat(c.select("yahpo-lcbench")).isEmpty();
    }
  }

  @Test
  void shortYahpoAndHpolibNamesResolveWhenTheDataIsPresent() {
    var data = BenchData.locate();
    Assumptions.assumeTrue(data.isPresent(), () -> "skipped: " + BenchData.missingMessage(Path.of(""),
        System.getenv(BenchData.ENV)));
    try (TaskCatalog c = TaskCatalog.open(data.get())) {
      assertThat(c.select("lcbench-189906,yahpo-rbv2_xgboost-12,lda")).extracting(BenchmarkTask::name)
          .containsExactly("yahpo-lcbench-189906", "yahpo-rbv2_xgboost-12", "hpolib-lda");
      assertThat(c.select("yahpo-so")).hasSize(7);
      assertThat(c.select("smoke")).hasSize(6);
      assertThat(c.notes()).isEmpty();
      assertThatThrownBy(() -> c.select("lcbench-1")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aStudyFileWhoseCommandReportsACostIsAnExternalTask(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("toy.yaml");
    Files.writeString(yaml, """
        name: toy
        direction: maximize
        objective:
          command: "echo '{\\"value\\": 1.5, \\"cost\\": 30}'"
        space:
          x: {type: float, low: 0, high: 1}
        """);
    try (TaskCatalog c = TaskCatalog.open(Path.of("/nonexistent"))) {
      BenchmarkTask t = c.select(yaml.toString()).get(0);
      assertThat(t.name()).isEqualTo("toy");
      assertThat(t.family()).isEqualTo(ExternalTask.FAMILY);
      assertThat(t.direction()).isEqualTo(Direction.MAXIMIZE);
      assertThat(t.optimum()).isNull();
      assertThat(t.referenceSamples()).isZero();
      Evaluation e = t.objective().evaluate(t.space().config(Map.of("x", 0.5)), TrialContext.DETACHED);
      assertThat(e.value()).isEqualTo(1.5);
      assertThat(e.costSeconds()).isEqualTo(30.0);
    }
  }
}
