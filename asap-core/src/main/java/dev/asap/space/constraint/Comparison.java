package dev.asap.space.constraint;

import java.util.Map;

/** A comparison of two numbers; its violation is how far the left side is on the wrong side of the right. */
record Comparison(Operator operator, Expr.Numeric left, Expr.Numeric right) implements Expr.Condition {

  @Override
  public boolean holds(Map<String, ?> values) {
    return operator.holds(left.number(values), right.number(values));
  }

  @Override
  public double violation(Map<String, ?> values) {
    return operator.violation(left.number(values), right.number(values));
  }

  /** The operands are finite, so every violation below is 0 exactly when holds is true. */
  enum Operator {
    LESS {
      @Override
      boolean holds(double a, double b) {
        return a < b;
      }

      @Override
      double violation(double a, double b) {
        return a < b ? 0 : a > b ? a - b : tie(a);
      }
    },
    LESS_EQUAL {
      @Override
      boolean holds(double a, double b) {
        return a <= b;
      }

      @Override
      double violation(double a, double b) {
        return a <= b ? 0 : a - b;
      }
    },
    GREATER {
      @Override
      boolean holds(double a, double b) {
        return a > b;
      }

      @Override
      double violation(double a, double b) {
        return a > b ? 0 : a < b ? b - a : tie(a);
      }
    },
    GREATER_EQUAL {
      @Override
      boolean holds(double a, double b) {
        return a >= b;
      }

      @Override
      double violation(double a, double b) {
        return a >= b ? 0 : b - a;
      }
    },
    EQUAL {
      @Override
      boolean holds(double a, double b) {
        return a == b;
      }

      @Override
      double violation(double a, double b) {
        return Math.abs(a - b);
      }
    },
    NOT_EQUAL {
      @Override
      boolean holds(double a, double b) {
        return a != b;
      }

      @Override
      double violation(double a, double b) {
        return a != b ? 0 : 1;
      }
    };

    abstract boolean holds(double a, double b);

    abstract double violation(double a, double b);

    /** Only numbers can be ordered; == and != also compare strings and booleans. */
    boolean isOrdering() {
      return this != EQUAL && this != NOT_EQUAL;
    }

    /** A strict comparison that fails on a tie is violated by a tiny amount, relative to the size of the values. */
    private static double tie(double a) {
      return 1e-12 * Math.max(1, Math.abs(a));
    }
  }
}
