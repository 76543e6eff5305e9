package dev.asap.space.constraint;

import java.util.Map;

/** Two or more conditions that must all hold (also a chained comparison); the violation is the sum of theirs. */
final class And implements Expr.Condition {
  private final Expr.Condition[] parts;

  And(Expr.Condition[] parts) {
    this.parts = parts;
  }

  @Override
  public boolean holds(Map<String, ?> values) {
    for (Expr.Condition part : parts) {
      if (!part.holds(values)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double violation(Map<String, ?> values) {
    double total = 0;
    for (Expr.Condition part : parts) {
      total += total > 0 ? violationOrOne(part, values) : part.violation(values);
    }
    return total;
  }

  /**
   * Once a part is violated, holds() has stopped (like Python's {@code and}), so a failure in a later part must not
   * fail the whole: it only adds to the distance.
   */
  private static double violationOrOne(Expr.Condition part, Map<String, ?> values) {
    try {
      return part.violation(values);
    } catch (EvaluationFailure failure) {
      return 1;
    }
  }
}
