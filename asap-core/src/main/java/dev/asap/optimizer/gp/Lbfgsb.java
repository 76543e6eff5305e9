package dev.asap.optimizer.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small box-constrained quasi-Newton minimiser: L-BFGS directions restricted to the free variables, a
 * projected backtracking (Armijo) line search, and a restart with steepest descent when the curvature model
 * fails. Enough for a dozen smooth hyperparameters; not a general-purpose L-BFGS-B.
 */
final class Lbfgsb {
  /** f(x), with ∇f(x) written into {@code gradient}; +∞ marks an infeasible point (the search backs off). */
  interface Objective {
    double valueAndGradient(double[] x, double[] gradient);
  }

  record Result(double[] x, double value, int evaluations) {}

  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 30;
  private final int memory;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double relativeTolerance;

  Lbfgsb(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
    this.memory = memory;
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
    this.relativeTolerance = relativeTolerance;
  }

  Result minimize(Objective objective, double[] start, double[] lower, double[] upper) {
    int n = start.length;
    double[] x = project(start.clone(), lower, upper);
    double[] g = new double[n];
    double f = objective.valueAndGradient(x, g);
    int evaluations = 1;
    if (!Double.isFinite(f)) {
      return new Result(x, f, evaluations);
    }
    Deque<double[][]> pairs = new ArrayDeque<>();
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      boolean[] free = new boolean[n];
      double pgNorm = 0;
      for (int i = 0; i < n; i++) {
        free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
        if (free[i]) {
          pgNorm = Math.max(pgNorm, Math.abs(g[i]));
        }
      }
      if (pgNorm < gradientTolerance) {
        break;
      }
      double[] d = direction(g, free, pairs);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        pairs.clear();
        d = direction(g, free, pairs);
        slope = dot(g, d);
      }
      // Without curvature information, the first step moves at most one unit in log space.
      double step = pairs.isEmpty() ? Math.min(1, 1 / maxAbs(d)) : 1;
      double[] xt = null;
      double[] gt = new double[n];
      double ft = Double.NaN;
      boolean accepted = false;
      for (int b = 0; b < MAX_BACKTRACKS; b++) {
        xt = new double[n];
        for (int i = 0; i < n; i++) {
          xt[i] = x[i] + step * d[i];
        }
        project(xt, lower, upper);
        ft = objective.valueAndGradient(xt, gt);
        evaluations++;
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          decrease += g[i] * (xt[i] - x[i]);
        }
        if (Double.isFinite(ft) && ft <= f + ARMIJO * decrease) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        if (pairs.isEmpty()) {
          break;
        }
        pairs.clear();
        continue;
      }
      double[] sv = new double[n];
      double[] yv = new double[n];
      for (int i = 0; i < n; i++) {
        sv[i] = xt[i] - x[i];
        yv[i] = gt[i] - g[i];
      }
      double sy = dot(sv, yv);
      if (sy > 1e-10 * dot(yv, yv)) {
        pairs.addFirst(new double[][] {sv, yv, {1 / sy}});
        if (pairs.size() > memory) {
          pairs.removeLast();
        }
      }
      double previous = f;
      x = xt;
      f = ft;
      g = gt;
      if (previous - f <= relativeTolerance * Math.max(1, Math.max(Math.abs(previous), Math.abs(f)))) {
        break;
      }
    }
    return new Result(x, f, evaluations);
  }

  /** −H·g over the free variables (two-loop recursion), zero on variables held at a bound. */
  private static double[] direction(double[] g, boolean[] free, Deque<double[][]> pairs) {
    int n = g.length;
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = free[i] ? g[i] : 0;
    }
    double[] alphas = new double[pairs.size()];
    int idx = 0;
    for (double[][] p : pairs) {
      double a = p[2][0] * dotFree(p[0], q, free);
      alphas[idx++] = a;
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          q[i] -= a * p[1][i];
        }
      }
    }
    if (!pairs.isEmpty()) {
      double[][] latest = pairs.peekFirst();
      double yy = dotFree(latest[1], latest[1], free);
      double gamma = yy > 0 ? dotFree(latest[0], latest[1], free) / yy : 1;
      if (!(gamma > 0)) {
        gamma = 1;
      }
      for (int i = 0; i < n; i++) {
        q[i] *= gamma;
      }
    }
    var it = pairs.descendingIterator();
    idx = pairs.size() - 1;
    while (it.hasNext()) {
      double[][] p = it.next();
      double beta = p[2][0] * dotFree(p[1], q, free);
      double a = alphas[idx--];
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          q[i] += (a - beta) * p[0][i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      q[i] = free[i] ? -q[i] : 0;
    }
    return q;
  }

  private static double[] project(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double dotFree(double[] a, double[] b, boolean[] free) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (free[i]) {
        s += a[i] * b[i];
      }
    }
    return s;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m > 0 ? m : 1;
  }
}
