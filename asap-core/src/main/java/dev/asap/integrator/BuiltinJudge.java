package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Proposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.asap.optimizer.Seeds;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.random.Well19937c;

/**
 * The default judge, no LLM needed. Until the study has an initial design it takes the space-filling
 * tool's proposal; after that it runs Thompson sampling over tools: each tool's reward rate has a Beta
 * posterior from a prior ({@link ToolPrior}) and the study's own credit ({@link ToolCredit}), one rate is drawn
 * per tool and the highest draw wins. Tools that keep
 * finding good configs are picked more often, the others still get an occasional chance, and every draw is
 * recorded as evidence.
 */
public final class BuiltinJudge implements Judge {
  static final String SPACE_FILLING_TOOL = "sobol";
  private final long seed;
  private final ToolPrior prior;
  private final ToolCredit credit = new ToolCredit();

  public BuiltinJudge(long seed) {
    this(seed, ToolPrior.fromLedger());
  }

  public BuiltinJudge(long seed, ToolPrior prior) {
    this.seed = seed;
    this.prior = prior;
  }

  @Override
  public String name() {
    return "builtin";
  }

  /** Trials of the initial design: enough to give every model something to fit. */
  static int initialDesign(History history) {
    return Math.max(5, Math.min(10, history.space().dimension() + 1));
  }

  @Override
  public Verdict choose(History history, List<Proposal> candidates) {
    if (history.completed().size() < initialDesign(history)) {
      for (int i = 0; i < candidates.size(); i++) {
        if (candidates.get(i).tool().equals(SPACE_FILLING_TOOL)) {
          return new Verdict(i, "initial design: space-filling proposal (" + history.completed().size() + " of "
              + initialDesign(history) + " trials done)", Map.of());
        }
      }
    }
    Map<String, double[]> credit = this.credit.update(history);
    Random random = Seeds.random(seed, history.size());
    Well19937c rng = new Well19937c(random.nextLong());
    Map<String, Object> draws = new LinkedHashMap<>();
    int best = 0;
    double bestDraw = -1;
    for (int i = 0; i < candidates.size(); i++) {
      String tool = candidates.get(i).tool();
      double[] c = credit.getOrDefault(tool, new double[2]);
      double[] p = prior.pseudoCounts(tool);
      // Beta(1 + rewards, 1 + misses), prior pseudo-counts included.
      double draw = new BetaDistribution(1 + p[0] + c[0], 1 + (p[1] - p[0]) + (c[1] - c[0]))
          .inverseCumulativeProbability(rng.nextDouble());
      draws.put(tool, Map.of("reward", round(c[0]), "trials", round(c[1]), "draw", round(draw)));
      if (draw > bestDraw) {
        bestDraw = draw;
        best = i;
      }
    }
    String tool = candidates.get(best).tool();
    double[] c = credit.getOrDefault(tool, new double[2]);
    return new Verdict(best, String.format(java.util.Locale.ROOT,
        "Thompson sampling over tools: %s drew %.3f (discounted reward %.1f in %.1f trials)", tool, bestDraw, c[0],
        c[1]), Map.of("draws", draws));
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
