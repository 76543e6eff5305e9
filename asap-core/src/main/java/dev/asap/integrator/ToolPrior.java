package dev.asap.integrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the judge believes about each tool before a study has data: a pseudo-count of reward and trials per tool,
 * added to the study's own credit (without it a bandit over eight tools spends a short run trying the weak
 * ones), and which tool's model to trust before the models' forecasts have been scored.
 *
 * <p>A prior is fitted from a benchmark ledger of the single tools: a tool's prior reward rate falls linearly
 * with its mean rank there, from 0.8 (rank 1) to 0.1 (last), worth {@link #WEIGHT} trials of evidence, so a
 * study's own results outweigh it after a few trials of each tool. The default ships as the resource
 * {@code tool-prior.properties}, written by {@code dev.asap.bench.prior.FitToolPrior} (docs/judge.md says on
 * which ledger); a benchmark can refit it per task family with that family left out.
 */
public record ToolPrior(Map<String, Double> rate, double weight) {
  static final double WEIGHT = 4;
  private static final String RESOURCE = "tool-prior.properties";

  public ToolPrior {
    rate = Map.copyOf(rate);
  }

  /**
   * Reward rates from each tool's mean rank among {@code tools} single tools: 0.8 at rank 1 down to 0.1 at the
   * last. A sharper mapping (halving per rank) measured no better on the synthetic suite.
   */
  public static ToolPrior fromMeanRanks(Map<String, Double> meanRank) {
    int tools = meanRank.size();
    Map<String, Double> rate = new HashMap<>();
    meanRank.forEach((tool, rank) -> rate.put(tool, tools < 2 ? 0.5 : 0.8 - 0.7 * (rank - 1) / (tools - 1)));
    return new ToolPrior(rate, WEIGHT);
  }

  /** No belief: every tool starts at an even rate. */
  public static ToolPrior flat() {
    return new ToolPrior(Map.of(), WEIGHT);
  }

  /** The shipped prior: mean ranks from {@code tool-prior.properties} (tool = mean rank). */
  public static ToolPrior defaults() {
    try (InputStream in = ToolPrior.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      Map<String, Double> meanRank = new HashMap<>();
      for (String tool : p.stringPropertyNames()) {
        meanRank.put(tool, Double.parseDouble(p.getProperty(tool).trim()));
      }
      return fromMeanRanks(meanRank);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Pseudo (reward, trials) for a tool; unknown tools get an even prior of the same weight. */
  double[] pseudoCounts(String tool) {
    double r = rate.getOrDefault(tool, 0.5);
    return new double[] {r * weight, weight};
  }
}
