package dev.asap.space.constraint;

import java.util.Map;

/**
 * {@code ==} or {@code !=} where a side may not be a number: a parameter of unknown type, a string, a condition.
 * Numbers compare as doubles (4L equals 4.0); values of different types are unequal.
 */
record ValueEquality(Expr left, Expr right, boolean negated) implements Expr.Condition {

  @Override
  public boolean holds(Map<String, ?> values) {
    return (distance(values) == 0) != negated;
  }

  @Override
  public double violation(Map<String, ?> values) {
    double distance = distance(values);
    if (negated) {
      return distance == 0 ? 1 : 0;
    }
    return distance;
  }

  /** |a - b| for two numbers; for other values 0 when equal and 1 when not. */
  private double distance(Map<String, ?> values) {
    Object a = left.value(values);
    Object b = right.value(values);
    if (a instanceof Number && b instanceof Number) {
      return Math.abs(Numbers.of(a) - Numbers.of(b));
    }
    return a.equals(b) ? 0 : 1; // never null: Constraint only evaluates configs that have every name it reads
  }
}
