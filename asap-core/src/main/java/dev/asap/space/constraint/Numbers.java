package dev.asap.space.constraint;

/** Turns values into the finite doubles that arithmetic and comparisons work on. */
final class Numbers {
  private Numbers() {}

  static double finite(double x) {
    if (Double.isFinite(x)) {
      return x;
    }
    throw EvaluationFailure.INSTANCE;
  }

  /** {@code value} as a double when it is a finite number (Long, Integer, Double, ...); fails otherwise. */
  static double of(Object value) {
    if (value instanceof Number number) {
      return finite(number.doubleValue());
    }
    throw EvaluationFailure.INSTANCE;
  }
}
