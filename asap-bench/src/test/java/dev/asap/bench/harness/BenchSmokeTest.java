package dev.asap.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.bench.report.BenchReport;
import dev.asap.bench.task.BenchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI smoke suite: a few tasks of every family, 2 optimizers, 2 seeds; well under two minutes. */
class BenchSmokeTest {

  @Test
  void theSmokeSuiteFinishesQuickly(@TempDir Path out) throws Exception {
    List<String> lines = new ArrayList<>();
    long t0 = System.nanoTime();
    BenchReport r = BenchmarkHarness.run(BenchOptions.builder().suite("smoke").out(out).progress(lines::add).build());
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(seconds).isLessThan(120);
    assertThat(r.failedRuns()).isEmpty();
    int tasks = BenchData.locate().isPresent() ? 6 : 3;
    assertThat(r.tasks()).hasSize(tasks);
    assertThat(r.runs()).hasSize(tasks * r.options().optimizers().size() * 2);
    if (tasks == 3) {
      assertThat(r.notes()).singleElement().asString().contains("benchmark data missing");
    }
    assertThat(r.throughput()).isNotNull();
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Family synthetic")
        .contains("Harness throughput");
    assertThat(lines).anyMatch(l -> l.startsWith("harness throughput"));
  }
}
