package dev.asap.bench.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.bench.task.grid.HpolibGrids;
import dev.asap.bench.task.grid.MeasuredGrid;
import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialFailedException;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredGridTest {

  @Test
  void aGridIsAnOrdinalSpaceWhoseOptimumIsTheTableMinimum(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("g.csv");
    Files.writeString(csv, """
        a,b,loss,time_s
        1.000000,0.5,3.0,10
        2.000000,0.5,1.0,20
        1.000000,0.25,2.0,30
        1.000000,0.25,4.0,50
        """);
    MeasuredGrid g = MeasuredGrid.read("toy", csv, List.of("a", "b"), "loss", "time_s");
    assertThat(g.space().parameter("a")).isEqualTo(OrdinalParameter.of("a", 1L, 2L));
    assertThat(g.space().parameter("b")).isEqualTo(OrdinalParameter.of("b", 0.25, 0.5));
    assertThat(g.minimum()).isEqualTo(1.0);
    assertThat(g.size()).isEqualTo(3);
    Evaluation repeated = g.evaluate(g.space().config(Map.of("a", 1L, "b", 0.25)));
    assertThat(repeated.value()).isEqualTo(3.0);
    assertThat(repeated.costSeconds()).isEqualTo(40.0);
    assertThatThrownBy(() -> g.evaluate(g.space().config(Map.of("a", 2L, "b", 0.25))))
        .isInstanceOf(TrialFailedException.class).hasMessageContaining("not measured");
    BenchmarkTask t = g.task("hpolib");
    assertThat(t.optimum()).isEqualTo(1.0);
  }

  @Test
  void hpolibGridsLoadFromTheBenchmarkData() throws IOException {
    var data = BenchData.locate();
    Assumptions.assumeTrue(data.isPresent(), () -> "skipped: " + BenchData.missingMessage(Path.of(""),
        System.getenv(BenchData.ENV)));
    Path dir = data.get().resolve("hpolib_grids");
    List<BenchmarkTask> tasks = HpolibGrids.all(dir);
    assertThat(tasks).extracting(BenchmarkTask::name).containsExactly("hpolib-lda", "hpolib-svm", "hpolib-logreg");
    MeasuredGrid lda = HpolibGrids.load(dir, HpolibGrids.SPECS.get(0));
    assertThat(lda.space().parameters()).allMatch(p -> p instanceof OrdinalParameter);
    assertThat(lda.space().cardinality()).isEqualTo(288);
    assertThat(lda.size()).isEqualTo(288);
    double min = Files.readAllLines(dir.resolve("lda_on_grid.csv")).stream().skip(1)
        .mapToDouble(l -> Double.parseDouble(l.split(",")[3])).min().orElseThrow();
    assertThat(lda.minimum()).isEqualTo(min);
    MeasuredGrid logreg = HpolibGrids.load(dir, HpolibGrids.SPECS.get(2));
    assertThat(logreg.space().cardinality()).isEqualTo(logreg.size()).isEqualTo(9680);
    Parameter batch = logreg.space().parameter("batchsize");
    assertThat(((OrdinalParameter) batch).values()).first().isEqualTo(20L);
  }
}
