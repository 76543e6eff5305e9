package dev.asap.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void nonFinitePointsBreakTheLine() {
    double[] x = {0, 1, 2, 3, 4};
    double[] y = {INF, 1, 0.5, Double.NaN, 0.1};
    Curve c = new Curve("tpe <&>", x, y, y, y);
    String svg = SvgChart.render(new LineChart("t", "x", "y", List.of(c), true, true));
    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg.split("<polyline", -1)).hasSize(3);
    assertThat(svg).contains("tpe &lt;&amp;&gt;").doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void ticksAreRound() {
    assertThat(SvgChart.ticks(0, 100, false)).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
    assertThat(SvgChart.ticks(0.01, 10, true)).containsExactly(0.01, 0.1, 1.0, 10.0);
  }

  @Test
  void anEmptyChartStillRenders() {
    String svg = SvgChart.render(new LineChart("none", "x", "y", List.of(), false, false));
    assertThat(svg).contains("none").doesNotContain("<polyline");
  }
}
