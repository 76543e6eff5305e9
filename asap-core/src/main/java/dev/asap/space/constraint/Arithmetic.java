package dev.asap.space.constraint;

import java.util.Map;

/** A binary arithmetic operation; a division by zero or a non-finite result fails the evaluation. */
record Arithmetic(Operator operator, Expr.Numeric left, Expr.Numeric right) implements Expr.Numeric {

  @Override
  public double number(Map<String, ?> values) {
    return Numbers.finite(operator.apply(left.number(values), right.number(values)));
  }

  enum Operator {
    PLUS {
      @Override
      double apply(double a, double b) {
        return a + b;
      }
    },
    MINUS {
      @Override
      double apply(double a, double b) {
        return a - b;
      }
    },
    TIMES {
      @Override
      double apply(double a, double b) {
        return a * b;
      }
    },
    DIVIDE {
      @Override
      double apply(double a, double b) {
        return a / nonZero(b);
      }
    },
    /** Python's {@code //}: the quotient rounded down, consistent with {@link #MODULO} (float_divmod in CPython). */
    FLOOR_DIVIDE {
      @Override
      double apply(double a, double b) {
        double quotient = (a - MODULO.apply(a, b)) / b;
        double floor = Math.floor(quotient);
        // quotient is an integer up to rounding error; snap it to the nearest one.
        return quotient - floor > 0.5 ? floor + 1 : floor;
      }
    },
    /** Python's {@code %}: the result has the sign of the divisor, so -7 % 3 == 2 and 7 % -3 == -2. */
    MODULO {
      @Override
      double apply(double a, double b) {
        double remainder = a % nonZero(b); // Java's % truncates, like C's fmod: the sign of the dividend
        return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder;
      }
    },
    POWER {
      @Override
      double apply(double a, double b) {
        return Math.pow(a, b);
      }
    };

    abstract double apply(double a, double b);

    private static double nonZero(double divisor) {
      if (divisor == 0) {
        throw EvaluationFailure.INSTANCE;
      }
      return divisor;
    }
  }
}
