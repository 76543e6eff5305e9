package dev.asap.space.constraint;

import java.util.Map;

/** A number written in the constraint. */
final class NumberLiteral implements Expr.Numeric {
  private final double number;
  private final Double boxed; // boxed once, for == and in against parameters of unknown type

  NumberLiteral(double number) {
    this.number = number;
    this.boxed = number;
  }

  @Override
  public double number(Map<String, ?> values) {
    return number;
  }

  @Override
  public Object value(Map<String, ?> values) {
    return boxed;
  }
}
