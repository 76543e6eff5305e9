package dev.asap.space.constraint;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/** {@code min(...)} or {@code max(...)}: {@code pick} folded over two or more arguments. */
final class Extremum implements Expr.Numeric {
  private final DoubleBinaryOperator pick;
  private final Expr.Numeric[] arguments;

  Extremum(DoubleBinaryOperator pick, List<Expr.Numeric> arguments) {
    this.pick = pick;
    this.arguments = arguments.toArray(Expr.Numeric[]::new);
  }

  @Override
  public double number(Map<String, ?> values) {
    double result = arguments[0].number(values);
    for (int i = 1; i < arguments.length; i++) {
      result = pick.applyAsDouble(result, arguments[i].number(values));
    }
    return result;
  }
}
