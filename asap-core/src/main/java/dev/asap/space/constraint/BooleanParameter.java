package dev.asap.space.constraint;

import java.util.Map;

/** A parameter used as a condition, as in {@code not offload}; evaluation fails when it is not a Boolean. */
record BooleanParameter(String name) implements Expr.Condition {
  @Override
  public boolean holds(Map<String, ?> values) {
    if (values.get(name) instanceof Boolean truth) {
      return truth;
    }
    throw EvaluationFailure.INSTANCE;
  }

  @Override
  public double violation(Map<String, ?> values) {
    return holds(values) ? 0 : 1;
  }
}
