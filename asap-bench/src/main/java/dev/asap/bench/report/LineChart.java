package dev.asap.bench.report;

import java.util.List;

/**
 * What one chart shows: curves with optional inter-quartile bands, axis labels, and whether y is on a log
 * scale.
 */
public record LineChart(String title, String xLabel, String yLabel, List<Curve> curves, boolean bands,
    boolean logY) {
  public LineChart {
    curves = List.copyOf(curves);
  }
}
