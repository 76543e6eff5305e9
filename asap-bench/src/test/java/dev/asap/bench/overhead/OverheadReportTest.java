package dev.asap.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverheadReportTest {
  @Test
  void measuresEveryTrialAndTabulatesEachCheckpoint() {
    double[] seconds = OverheadReport.run("random", 30);
    assertThat(seconds).hasSize(30);
    assertThat(java.util.Arrays.stream(seconds).min().orElseThrow()).isPositive();
    String table = OverheadReport.table(List.of("random", "sobol"), new int[] {10, 20});
    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("over 10").contains("over 20").contains("at 20");
    assertThat(lines.get(2)).startsWith("| random |");
    assertThat(lines.get(3)).startsWith("| sobol |");
    assertThat(lines.get(2).split("\\|")).hasSize(6);
  }
}
