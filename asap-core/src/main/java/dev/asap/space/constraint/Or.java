package dev.asap.space.constraint;

import java.util.Map;

/** Two or more conditions of which one must hold; the violation is the smallest of theirs. */
final class Or implements Expr.Condition {
  private final Expr.Condition[] parts;

  Or(Expr.Condition[] parts) {
    this.parts = parts;
  }

  @Override
  public boolean holds(Map<String, ?> values) {
    for (Expr.Condition part : parts) {
      if (part.holds(values)) {
        return true;
      }
    }
    return false;
  }

  /** Stops at the first part that holds, as holds() does, so both evaluate (and may fail on) the same parts. */
  @Override
  public double violation(Map<String, ?> values) {
    double least = Double.POSITIVE_INFINITY;
    for (Expr.Condition part : parts) {
      double violation = part.violation(values);
      if (violation == 0) {
        return 0;
      }
      least = Math.min(least, violation);
    }
    return least;
  }
}
