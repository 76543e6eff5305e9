package dev.asap.optimizer.cmaes;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When an IPOP run has nothing left to gain and should restart with a doubled population: Hansen's
 * termination criteria (tutorial, Appendix B.3) as the {@code cmaes} library applies them, plus one for
 * finite spaces.
 *
 * <ul>
 *   <li>TolFun: over the last {@code 10 + ceil(30 n / lambda)} generations the best values, and the
 *       current generation's values, all lie within 1e-12;
 *   <li>stagnation: the run's best value has not improved over that many generations;
 *   <li>TolX: every coordinate's standard deviation and every component of sigma p_c is below 1e-8 of the
 *       unit range (the {@code cmaes} library's 1e-12 sigma0 is meant for numerical optimisation; no
 *       hyperparameter resolves a hundred-millionth of its range);
 *   <li>TolXUp: sigma times the largest axis exceeds 1e4, i.e. the run diverges;
 *   <li>NoEffectAxis / NoEffectCoord: adding 0.1 sigma along a principal axis, or 0.2 standard deviations
 *       along a coordinate, leaves the mean unchanged in floating point;
 *   <li>ConditionCov: the condition number of C exceeds 1e14;
 *   <li>exhausted: half of the generation's proposals had to fall back to uniform sampling because the
 *       distribution only produced configs already tried (a discrete space converged).
 * </ul>
 */
final class Termination {
  static final double TOL_FUN = 1e-12;
  static final double TOL_X = 1e-8;
  static final double TOL_X_UP = 1e4;
  static final double MAX_CONDITION = 1e14;

  private final int window;
  private final Deque<Double> bests;
  private double runBest = Double.POSITIVE_INFINITY;
  private int sinceImprovement;

  Termination(int n, int lambda) {
    this.window = 10 + (int) Math.ceil(30.0 * Math.max(1, n) / lambda);
    this.bests = new ArrayDeque<>();
  }

  Termination(Termination other) {
    this.window = other.window;
    this.bests = new ArrayDeque<>(other.bests);
    this.runBest = other.runBest;
    this.sinceImprovement = other.sinceImprovement;
  }

  /**
   * Records a told generation and says whether the run should stop.
   *
   * @param losses    the generation's values, best first
   * @param fallbacks proposals of the generation that the distribution could not supply unseen
   */
  boolean shouldStop(Gaussian g, double[] losses, int fallbacks, int lambda) {
    double best = losses[0];
    bests.addLast(best);
    if (bests.size() > window) {
      bests.removeFirst();
    }
    if (best < runBest) {
      runBest = best;
      sinceImprovement = 0;
    } else {
      sinceImprovement++;
    }
    if (2 * fallbacks >= lambda || sinceImprovement >= window) {
      return true;
    }
    if (g.generation() >= window && range(bests) < TOL_FUN && losses[losses.length - 1] - losses[0] < TOL_FUN) {
      return true;
    }
    return g.dimension() > 0 && distributionDegenerate(g);
  }

  private static boolean distributionDegenerate(Gaussian g) {
    int n = g.dimension();
    double sigma = g.sigma();
    double[] m = g.mean();
    boolean tolX = true;
    for (int i = 0; i < n; i++) {
      tolX &= sigma * g.axisScale(i) < TOL_X && sigma * Math.abs(g.pc()[i]) < TOL_X;
    }
    double[] d = g.eigenScales();
    double maxD = 0;
    double minD = Double.POSITIVE_INFINITY;
    for (double v : d) {
      maxD = Math.max(maxD, v);
      minD = Math.min(minD, v);
    }
    if (tolX || sigma * maxD > TOL_X_UP || (maxD * maxD) / (minD * minD) > MAX_CONDITION) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      if (m[i] == m[i] + 0.2 * sigma * g.axisScale(i)) {
        return true;
      }
    }
    int k = g.generation() % n;
    for (int i = 0; i < n; i++) {
      if (m[i] != m[i] + 0.1 * sigma * d[k] * g.principalAxis(k, i)) {
        return false;
      }
    }
    return true;
  }

  private static double range(Deque<Double> values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }
}
