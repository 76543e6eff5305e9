package dev.asap.space.constraint;

import java.util.Map;

/** {@code true} or {@code false} written in the constraint. */
record BooleanLiteral(boolean truth) implements Expr.Condition {
  @Override
  public boolean holds(Map<String, ?> values) {
    return truth;
  }

  @Override
  public double violation(Map<String, ?> values) {
    return truth ? 0 : 1;
  }
}
