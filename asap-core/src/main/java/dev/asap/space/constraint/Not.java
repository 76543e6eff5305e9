package dev.asap.space.constraint;

import java.util.Map;

/** {@code not X}: violated by 1 when X holds. */
record Not(Expr.Condition operand) implements Expr.Condition {
  @Override
  public boolean holds(Map<String, ?> values) {
    return !operand.holds(values);
  }

  @Override
  public double violation(Map<String, ?> values) {
    return operand.holds(values) ? 1 : 0;
  }
}
