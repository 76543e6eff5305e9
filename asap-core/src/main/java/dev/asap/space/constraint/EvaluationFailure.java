package dev.asap.space.constraint;

/**
 * A config cannot be evaluated: a value of the wrong type, a division by zero or a result that is not a finite
 * number. Constraint catches it and counts the config as violating, so it is a shared instance without a stack
 * trace: throwing it costs no allocation.
 */
final class EvaluationFailure extends RuntimeException {
  static final EvaluationFailure INSTANCE = new EvaluationFailure();

  private EvaluationFailure() {
    super(null, null, false, false);
  }
}
