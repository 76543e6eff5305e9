package dev.asap.space.constraint;

import java.util.Map;

/**
 * A node of a parsed constraint. Every node has a value, which is what {@code ==}, {@code !=} and {@code in}
 * compare; numbers and conditions have faster, unboxed ways to be read.
 *
 * <p>Evaluation assumes every parameter the constraint names is present (Constraint checks that first) and
 * throws {@link EvaluationFailure} on a value of the wrong type, a division by zero or a non-finite result.
 */
interface Expr {

  Object value(Map<String, ?> values);

  /** A node whose value is always a finite number. */
  interface Numeric extends Expr {
    double number(Map<String, ?> values);

    @Override
    default Object value(Map<String, ?> values) {
      return number(values);
    }
  }

  /** A node that is true or false, and can say how far it is from true. */
  interface Condition extends Expr {
    boolean holds(Map<String, ?> values);

    /** 0 exactly when {@link #holds} is true, positive otherwise; fails exactly when {@link #holds} fails. */
    double violation(Map<String, ?> values);

    @Override
    default Object value(Map<String, ?> values) {
      return holds(values);
    }
  }
}
