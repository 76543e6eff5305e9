package dev.asap.space.constraint;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** A call of a one-argument function such as {@code sqrt(x)}; a non-finite result (log(0), sqrt(-1)) fails. */
record UnaryFunction(DoubleUnaryOperator function, Expr.Numeric argument) implements Expr.Numeric {
  @Override
  public double number(Map<String, ?> values) {
    return Numbers.finite(function.applyAsDouble(argument.number(values)));
  }
}
