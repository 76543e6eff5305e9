package dev.asap.space.constraint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The functions a constraint can call, by their lower-case names. */
enum MathFunction {
  MIN("min(a, b, ...)"),
  MAX("max(a, b, ...)"),
  ABS("abs(x)"),
  FLOOR("floor(x)"),
  CEIL("ceil(x)"),
  LOG("log(x)"),
  LOG2("log2(x)"),
  SQRT("sqrt(x)");

  private final String usage;

  MathFunction(String usage) {
    this.usage = usage;
  }

  static Optional<MathFunction> named(String name) {
    return Arrays.stream(values()).filter(f -> f.functionName().equals(name)).findFirst();
  }

  static List<String> names() {
    return Arrays.stream(values()).map(MathFunction::functionName).toList();
  }

  String functionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How to call it, for error messages. */
  String usage() {
    return usage;
  }

  boolean accepts(int argumentCount) {
    return isExtremum() ? argumentCount >= 2 : argumentCount == 1;
  }

  String arity() {
    return isExtremum() ? "2 or more arguments" : "exactly 1 argument";
  }

  /** The node that calls this function; {@code arguments} must be {@link #accepts accepted}. */
  Expr.Numeric call(List<Expr.Numeric> arguments) {
    return switch (this) {
      case MIN -> new Extremum(Math::min, arguments);
      case MAX -> new Extremum(Math::max, arguments);
      case ABS -> new UnaryFunction(Math::abs, arguments.get(0));
      case FLOOR -> new UnaryFunction(Math::floor, arguments.get(0));
      case CEIL -> new UnaryFunction(Math::ceil, arguments.get(0));
      case LOG -> new UnaryFunction(Math::log, arguments.get(0));
      case LOG2 -> new UnaryFunction(MathFunction::log2, arguments.get(0));
      case SQRT -> new UnaryFunction(Math::sqrt, arguments.get(0));
    };
  }

  private boolean isExtremum() {
    return this == MIN || this == MAX;
  }

  /** Exact for powers of two (log2(8) == 3, where log(8) / log(2) may be off by an ulp): sizes compare with it. */
  private static double log2(double x) {
    int exponent = Math.getExponent(x);
    return x == Math.scalb(1.0, exponent) ? exponent : Math.log(x) / Math.log(2);
  }
}
