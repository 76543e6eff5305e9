package dev.asap.bench.constrained;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One inequality constraint g(x) ≤ 0 of a test problem; a positive g is the amount of violation.
 *
 * @param name as the problem's source numbers it (g1, g2, …), with what it limits where that helps, so that a
 *             reason can be checked against the paper
 */
public record Inequality(String name, ToDoubleFunction<double[]> g) {
  public Inequality {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(g, "g");
  }

  /** How far x is outside the constraint: g(x) when positive, else 0 (NaN counts as violated). */
  public double violation(double[] x) {
    double v = g.applyAsDouble(x);
    return v <= 0 ? 0 : Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
