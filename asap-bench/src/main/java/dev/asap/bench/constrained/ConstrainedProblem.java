package dev.asap.bench.constrained;

import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A published constrained test problem: minimise f(x) subject to g_i(x) ≤ 0, with a known optimum. The vector x
 * holds the space's parameters in order; a config that violates a constraint has no value, only the reason.
 *
 * @param source       where the problem and its optimum are published
 * @param optimum      the best value known
 * @param optimalPoint a feasible point where f is within 1e-9 (relative) of the optimum: the published point, or
 *                     where rounding its digits left an active constraint slightly positive, the point refined and
 *                     moved inside by at most 1e-10
 */
public record ConstrainedProblem(String name, String source, SearchSpace space, ToDoubleFunction<double[]> objective,
    List<Inequality> constraints, double optimum, double... optimalPoint) {

  public ConstrainedProblem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(objective, "objective");
    constraints = List.copyOf(constraints);
    optimalPoint = optimalPoint.clone();
    if (optimalPoint.length != space.dimension()) {
      throw new IllegalArgumentException(name + ": the optimal point has " + optimalPoint.length
          + " coordinates for " + space.dimension() + " parameters");
    }
  }

  /** A problem on a box, with float parameters {@code x1 … xn} as the literature numbers them. */
  static ConstrainedProblem box(String name, String source, double[] low, double[] high,
      ToDoubleFunction<double[]> objective, List<Inequality> constraints, double optimum, double... optimalPoint) {
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < low.length; i++) {
      ps.add(FloatParameter.of("x" + (i + 1), low[i], high[i]));
    }
    return new ConstrainedProblem(name, source, SearchSpace.of(ps.toArray(Parameter[]::new)), objective, constraints,
        optimum, optimalPoint);
  }

  /** The config's values in the space's parameter order. */
  public double[] point(Config config) {
    List<Parameter> ps = space.parameters();
    double[] x = new double[ps.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = config.getDouble(ps.get(i).name());
    }
    return x;
  }

  /** The violated constraints with their violation, e.g. {@code g1 by 0.53}; empty when x is feasible. */
  public List<String> violations(double[] x) {
    List<String> out = new ArrayList<>();
    for (Inequality c : constraints) {
      double v = c.violation(x);
      if (v > 0) {
        out.add(String.format(Locale.ROOT, "%s by %.3g", c.name(), v));
      }
    }
    return out;
  }

  /**
   * The total violation, Σ max(0, g_i(x)): what a constrained objective reports so that a search can head for
   * the feasible region before finding it (Optuna's constraints_func, for one, returns the g_i).
   */
  public double totalViolation(double[] x) {
    double sum = 0;
    for (Inequality c : constraints) {
      sum += c.violation(x);
    }
    return sum;
  }

  public boolean isFeasible(double[] x) {
    return violations(x).isEmpty();
  }

  public double value(double[] x) {
    return objective.applyAsDouble(x);
  }

  @Override
  public double[] optimalPoint() {
    return optimalPoint.clone();
  }
}
