package dev.asap.space.constraint;

import java.util.Map;

/**
 * A parameter whose type the text does not reveal, as compared by {@code ==}, {@code !=} and {@code in}. Where a
 * number or a condition is needed the parser uses {@link NumericParameter} or {@link BooleanParameter} instead.
 */
record ParameterValue(String name) implements Expr {
  @Override
  public Object value(Map<String, ?> values) {
    return values.get(name);
  }
}
