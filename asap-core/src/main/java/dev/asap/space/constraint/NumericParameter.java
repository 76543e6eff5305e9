package dev.asap.space.constraint;

import java.util.Map;

/** A parameter used as a number; evaluation fails when it holds anything else. */
record NumericParameter(String name) implements Expr.Numeric {
  @Override
  public double number(Map<String, ?> values) {
    return Numbers.of(values.get(name));
  }
}
