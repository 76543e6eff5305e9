package dev.asap.space.constraint;

import java.util.Map;

/** Unary minus. */
record Negation(Expr.Numeric operand) implements Expr.Numeric {
  @Override
  public double number(Map<String, ?> values) {
    return -operand.number(values);
  }
}
