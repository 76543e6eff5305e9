package dev.asap.optimizer.local;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Seeds;
import dev.asap.space.Config;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Rebuilds the trust region from the history alone, by replaying the finished trials in number order.
 *
 * <p>Deriving the region from the history instead of from what earlier calls saw makes it reproducible
 * (same history, same region) and lets the tool pick up a resumed study or a history shared with other
 * tools. The rules:
 * <ul>
 *   <li>The region opens on the best trial once {@code startup} trials have completed.</li>
 *   <li>Each finished trial of this tool is a success or a failure for the region (TuRBO-1's counters);
 *       failed and pruned trials are failures. An improving trial becomes the centre.</li>
 *   <li>A new overall best from another tool becomes the centre, so the tool always polishes the
 *       incumbent; the region keeps its size when the new best lies inside it, else starts afresh.</li>
 *   <li>When the region collapses, its centre is retired and the region restarts around the best trial
 *       that lies away from every retired centre (as SMAC's local search starts from several good
 *       configs), or, when there is none, around a fresh point of a shifted Sobol sequence (TuRBO restarts
 *       from a new space-filling design).</li>
 * </ul>
 */
final class RegionReplay {
  /** A restart centre must differ from every retired centre by this much in some coordinate. */
  static final double DISTINCT = 0.2;

  private RegionReplay() {}

  /**
   * The region after the history's finished trials.
   *
   * @param centre      encoding of the centre (a fresh Sobol point after a restart with no distant trial)
   * @param centreConfig the centre's config, or null for a fresh Sobol point not evaluated yet
   * @param centreLoss  the centre's loss, or +infinity when it is not evaluated yet
   * @param open        false while fewer than {@code startup} trials have completed
   * @param completed   encodings of the completed trials, in the order of {@link History#completed()}
   */
  record State(double[] centre, Config centreConfig, double centreLoss, TrustRegion region, int restarts,
      boolean open, List<double[]> completed) {}

  static State replay(History history, String tool, int startup, long seed, Encodings encodings,
      MixedDistance distance) {
    int d = distance.dimension();
    TrustRegion region = new TrustRegion(d);
    List<double[]> done = new ArrayList<>();
    List<Trial> doneTrials = new ArrayList<>();
    List<double[]> retired = new ArrayList<>();
    double globalBest = Double.POSITIVE_INFINITY;
    double[] centre = null;
    Config centreConfig = null;
    double centreLoss = Double.POSITIVE_INFINITY;
    boolean open = false;
    int restarts = 0;
    for (Trial t : history.trials()) {
      if (t.state() == TrialState.RUNNING) {
        continue;
      }
      boolean own = tool.equals(t.tool());
      boolean collapsed = false;
      if (t.state() == TrialState.COMPLETE) {
        double y = history.loss(t);
        double[] x = encodings.of(t.config());
        done.add(x);
        doneTrials.add(t);
        if (!open) {
          if (y < globalBest) {
            centre = x;
            centreConfig = t.config();
            centreLoss = y;
          }
          open = done.size() >= startup;
        } else if (own) {
          if (centreConfig == null) {
            // The first result near a fresh restart point anchors the new region; nothing to compare yet.
            centre = x;
            centreConfig = t.config();
            centreLoss = y;
          } else {
            collapsed = region.record(TrustRegion.isSuccess(y, centreLoss));
            if (y < centreLoss) {
              centre = x;
              centreConfig = t.config();
              centreLoss = y;
            }
          }
        } else if (y < globalBest) {
          boolean inside = centre != null && distance.maxNorm(x, centre) <= region.length() / 2;
          if (inside) {
            region.clearStreaks();
          } else {
            region.reset();
          }
          centre = x;
          centreConfig = t.config();
          centreLoss = y;
        }
        globalBest = Math.min(globalBest, y);
      } else if (own && open && centreConfig != null) {
        collapsed = region.record(false);
      }
      if (collapsed) {
        retired.add(centre);
        restarts++;
        region.reset();
        int next = distantBest(doneTrials, done, retired, history, distance);
        if (next >= 0) {
          centre = done.get(next);
          centreConfig = doneTrials.get(next).config();
          centreLoss = history.loss(doneTrials.get(next));
        } else {
          centre = encodings.of(history.space().decode(sobolPoint(d, seed, restarts)));
          centreConfig = null;
          centreLoss = Double.POSITIVE_INFINITY;
        }
      }
    }
    return new State(centre, centreConfig, centreLoss, region, restarts, open, done);
  }

  /** Index of the best completed trial away from every retired centre, or -1. */
  private static int distantBest(List<Trial> trials, List<double[]> xs, List<double[]> retired, History history,
      MixedDistance distance) {
    int best = -1;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i < xs.size(); i++) {
      double y = history.loss(trials.get(i));
      if (y >= bestLoss) {
        continue;
      }
      boolean distinct = true;
      for (double[] r : retired) {
        if (distance.maxNorm(xs.get(i), r) < DISTINCT) {
          distinct = false;
          break;
        }
      }
      if (distinct) {
        best = i;
        bestLoss = y;
      }
    }
    return best;
  }

  /**
   * Point {@code index} of a Sobol sequence rotated by a seeded random shift (Cranley-Patterson), so that
   * successive restarts spread over the cube.
   */
  private static double[] sobolPoint(int d, long seed, int index) {
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
    sobol.skipTo(index);
    double[] u = sobol.nextVector();
    Random shift = Seeds.random(seed, -1);
    for (int i = 0; i < d; i++) {
      u[i] = (u[i] + shift.nextDouble()) % 1.0;
    }
    return u;
  }
}
