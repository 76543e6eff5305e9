package dev.asap.space.constraint;

import static dev.asap.space.constraint.ConstraintTesting.config;
import static dev.asap.space.constraint.ConstraintTesting.holds;
import static dev.asap.space.constraint.ConstraintTesting.parse;
import static dev.asap.space.constraint.ConstraintTesting.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConstraintEvaluationTest {

  @Nested
  class Precedence {
    @Test
    void timesBindsTighterThanPlus() {
      assertThat(holds("2 + 3 * 4 == 14")).isTrue();
      assertThat(holds("(2 + 3) * 4 == 20")).isTrue();
      assertThat(holds("2 * 3 % 4 == 2")).isTrue();
    }

    @Test
    void minusAndDivisionAreLeftAssociative() {
      assertThat(holds("10 - 4 - 3 == 3")).isTrue();
      assertThat(holds("64 / 4 / 2 == 8")).isTrue();
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanAMinusOnItsLeft() {
      assertThat(holds("-2 ** 2 == -4")).isTrue();
      assertThat(holds("(-2) ** 2 == 4")).isTrue();
      assertThat(holds("2 ** 3 ** 2 == 512")).isTrue();
      assertThat(holds("2 ** -1 == 0.5")).isTrue();
      assertThat(holds("-x ** 2 == -9", "x", 3L)).isTrue();
    }

    @Test
    void notBindsLooserThanComparisonButTighterThanAnd() {
      assertThat(holds("not 1 == 2")).isTrue();
      assertThat(holds("not x == 3", "x", 3L)).isFalse();
      // (not offload) and recompute, not not (offload and recompute)
      assertThat(holds("not offload and recompute", "offload", false, "recompute", false)).isFalse();
      assertThat(holds("not not offload", "offload", true)).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
      assertThat(holds("true or false and false")).isTrue();
      assertThat(holds("(true or false) and false")).isFalse();
    }
  }

  @Nested
  class ArithmeticOperators {
    @Test
    void moduloTakesTheSignOfTheDivisorAsInPython() {
      assertThat(holds("7 % 3 == 1")).isTrue();
      assertThat(holds("-7 % 3 == 2")).isTrue();
      assertThat(holds("7 % -3 == -2")).isTrue();
      assertThat(holds("-7 % -3 == -1")).isTrue();
      assertThat(holds("-7.5 % 2 == 0.5")).isTrue();
    }

    @Test
    void floorDivisionRoundsDownAsInPython() {
      assertThat(holds("7 // 2 == 3")).isTrue();
      assertThat(holds("-7 // 2 == -4")).isTrue();
      assertThat(holds("7 // -2 == -4")).isTrue();
      assertThat(holds("-7 // -2 == 3")).isTrue();
      assertThat(holds("7.5 // 2 == 3")).isTrue();
      assertThat(holds("7 / 2 == 3.5")).isTrue();
    }

    @Test
    void divisibility() {
      String text = "global_batch % (micro_batch * dp) == 0";
      assertThat(holds(text, "global_batch", 512L, "micro_batch", 8L, "dp", 4L)).isTrue();
      assertThat(holds(text, "global_batch", 500L, "micro_batch", 8L, "dp", 4L)).isFalse();
    }

    @Test
    void numberLiterals() {
      assertThat(holds(".5 == 0.5 and 5. == 5 and 1e-3 == 0.001 and 1E3 == 1000 and 2.5e+1 == 25")).isTrue();
    }

    @Test
    void functions() {
      assertThat(holds("min(tp, pp, 3) == 2 and max(tp, pp) == 8", "tp", 2L, "pp", 8L)).isTrue();
      assertThat(holds("abs(-3) == 3 and floor(-2.5) == -3 and ceil(2.1) == 3")).isTrue();
      assertThat(holds("log(1) == 0 and sqrt(16) == 4 and abs(log(8) - 2.0794415416798357) < 1e-15")).isTrue();
    }

    @Test
    void log2IsExactOnPowersOfTwo() {
      Constraint constraint = parse("log2(x) == y");
      for (long k = 0; k <= 62; k++) {
        assertThat(constraint.test(config("x", 1L << k, "y", k))).as("log2(2^%d)", k).isTrue();
      }
      assertThat(holds("abs(log2(10) - 3.321928094887362) < 1e-15")).isTrue();
    }
  }

  @Nested
  class Comparisons {
    @Test
    void chainedComparisonsMeanAnd() {
      Constraint constraint = parse("1 < x <= 5");
      assertThat(constraint.test(config("x", 3L))).isTrue();
      assertThat(constraint.test(config("x", 5L))).isTrue();
      assertThat(constraint.test(config("x", 1L))).isFalse();
      assertThat(constraint.test(config("x", 6L))).isFalse();
      assertThat(holds("0 < x < y < 10", "x", 1L, "y", 2L)).isTrue();
      assertThat(holds("0 < x < y < 10", "x", 2L, "y", 2L)).isFalse();
      assertThat(holds("x == y != 3", "x", 2L, "y", 2.0)).isTrue();
      // Not (1 < 3) < 2, which would compare a condition with a number.
      assertThat(holds("1 < 3 < 2")).isFalse();
    }

    @Test
    void longsIntegersAndDoublesCompareAsNumbers() {
      assertThat(holds("x == 4.0", "x", 4L)).isTrue();
      assertThat(holds("x == 4", "x", 4.0)).isTrue();
      assertThat(holds("x == 4", "x", 4)).isTrue();
      assertThat(holds("x == y", "x", 4L, "y", 4.0)).isTrue();
      assertThat(holds("x != y", "x", 4L, "y", 4.0)).isFalse();
      assertThat(holds("x < y", "x", 3, "y", 3.5)).isTrue();
    }

    @Test
    void stringsCompareWithEqualityInEitherQuotes() {
      assertThat(holds("opt == 'sgd'", "opt", "sgd")).isTrue();
      assertThat(holds("opt == \"sgd\"", "opt", "sgd")).isTrue();
      assertThat(holds("opt != 'sgd'", "opt", "adam")).isTrue();
      assertThat(holds("'sgd' == opt", "opt", "adam")).isFalse();
    }

    @Test
    void valuesOfDifferentTypesAreUnequal() {
      assertThat(holds("opt == 3", "opt", "adam")).isFalse();
      assertThat(holds("opt != 3", "opt", "adam")).isTrue();
      assertThat(holds("offload == 1", "offload", true)).isFalse();
      assertThat(holds("x == tp * 2", "x", "8", "tp", 4L)).isFalse();
      assertThat(holds("x == tp * 2", "x", 8L, "tp", 4L)).isTrue();
    }

    @Test
    void booleanParametersAreConditionsAndCompareWithTrueAndFalse() {
      assertThat(holds("offload", "offload", true)).isTrue();
      assertThat(holds("not offload", "offload", true)).isFalse();
      assertThat(holds("offload == true", "offload", true)).isTrue();
      assertThat(holds("offload == True", "offload", false)).isFalse();
      assertThat(holds("offload != False", "offload", true)).isTrue();
      assertThat(holds("not (recompute and offload)", "recompute", true, "offload", true)).isFalse();
      assertThat(holds("(x < 1) == (y < 1)", "x", 0L, "y", 5L)).isFalse();
    }
  }

  @Nested
  class InAndNotIn {
    @Test
    void numbers() {
      Constraint constraint = parse("layers in [2, 4, 8]");
      assertThat(constraint.test(config("layers", 4L))).isTrue();
      assertThat(constraint.test(config("layers", 4.0))).isTrue();
      assertThat(constraint.test(config("layers", 4))).isTrue();
      assertThat(constraint.test(config("layers", 3L))).isFalse();
      assertThat(constraint.test(config("layers", "4"))).isFalse();
      assertThat(holds("x in [-1, 0.5]", "x", -1L)).isTrue();
      assertThat(holds("tp * pp in [8, 16]", "tp", 2L, "pp", 4L)).isTrue();
    }

    @Test
    void stringsAndBooleans() {
      assertThat(holds("opt in ['sgd', \"adam\"]", "opt", "adam")).isTrue();
      assertThat(holds("opt in ['sgd', 'adam']", "opt", "rmsprop")).isFalse();
      assertThat(holds("offload in [true]", "offload", true)).isTrue();
      assertThat(holds("opt in [1, 2]", "opt", "adam")).isFalse();
    }

    @Test
    void notInAndParenthesesAndTrailingComma() {
      assertThat(holds("opt not in ('sgd',)", "opt", "sgd")).isFalse();
      assertThat(holds("opt not in ('sgd',)", "opt", "adam")).isTrue();
      assertThat(holds("layers not in [2, 4, 8,]", "layers", 3L)).isTrue();
      assertThat(holds("not layers in [2]", "layers", 3L)).isTrue();
    }

    @Test
    void mixedList() {
      Constraint constraint = parse("x in [1, 'a', true]");
      assertThat(constraint.test(config("x", "a"))).isTrue();
      assertThat(constraint.test(config("x", 1.0))).isTrue();
      assertThat(constraint.test(config("x", true))).isTrue();
      assertThat(constraint.test(config("x", false))).isFalse();
      assertThat(constraint.test(config("x", "b"))).isFalse();
    }
  }

  @Nested
  class Syntax {
    @Test
    void theExamplesFromAStudyFile() {
      Map<String, Object> config = config("tp", 4L, "pp", 8L, "dp", 2L, "global_batch", 256L, "micro_batch", 4L,
          "opt", "adam", "lr", 0.01, "recompute", true, "offload", false, "layers", 8L);
      for (String text : new String[] {"tp * pp <= 64", "global_batch % (micro_batch * dp) == 0",
          "opt == 'sgd' or lr < 0.1", "not (recompute and offload)", "layers in [2, 4, 8]"}) {
        assertThat(parse(text).test(config)).as(text).isTrue();
      }
    }

    @Test
    void symbolAliasesForAndOrNot() {
      assertThat(holds("x > 1 && !offload || false", "x", 2L, "offload", false)).isTrue();
      assertThat(holds("!(x > 1) || offload", "x", 2L, "offload", false)).isFalse();
    }

    @Test
    void namesWithDotsAndNamesInBackticks() {
      assertThat(holds("model.layers > 2", "model.layers", 4L)).isTrue();
      assertThat(holds("`my-param` * 2 == 6", "my-param", 3L)).isTrue();
      assertThat(holds("`in` in [1]", "in", 1L)).isTrue();
    }

    @Test
    void whitespaceIsFree() {
      assertThat(holds("\ttp\n*pp<=64 ", "tp", 8L, "pp", 8L)).isTrue();
    }

    @Test
    void textNamesAndToString() {
      Constraint constraint = parse("tp * pp <= 64 and tp > 1 or dp == `my-param`");
      assertThat(constraint.text()).isEqualTo("tp * pp <= 64 and tp > 1 or dp == `my-param`");
      assertThat(constraint).hasToString(constraint.text());
      assertThat(constraint.names()).containsExactly("tp", "pp", "dp", "my-param");
      assertThatThrownBy(() -> constraint.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
      assertThat(parse("1 < 2").names()).isEmpty();
    }

    @Test
    void aParameterMayShareAFunctionsName() {
      assertThat(Constraint.parse("min + min(min, 1) == 2", Set.of("min")).test(Map.of("min", 1L))).isTrue();
    }
  }

  @Nested
  class AbsentParameters {
    @Test
    void aConstraintOnAnInactiveParameterHolds() {
      assertThat(holds("tp * pp <= 64", "tp", 100L)).isTrue();
      assertThat(violation("tp * pp <= 64", "tp", 100L)).isZero();
      assertThat(holds("opt == 'sgd' or lr < 0.1", "opt", "adam")).isTrue();
      assertThat(holds("opt == 'sgd' or lr < 0.1", "opt", "adam", "lr", 0.5)).isFalse();
    }

    @Test
    void aNullValueCountsAsAbsent() {
      Map<String, Object> config = new HashMap<>();
      config.put("x", null);
      assertThat(parse("x > 1").test(config)).isTrue();
      assertThat(parse("x > 1").violation(config)).isZero();
    }
  }

  @Nested
  class EvaluationFailures {
    @Test
    void wrongTypesInAConfigViolateWithoutThrowing() {
      assertFails("opt * 2 > 1", "opt", "adam");
      assertFails("x > 1", "x", "3");
      assertFails("x + 1 > 1", "x", true);
      assertFails("offload", "offload", 1L);
      assertFails("not offload", "offload", "yes");
    }

    @Test
    void divisionByZeroAndNonFiniteResults() {
      assertFails("x / y > 1", "x", 1L, "y", 0L);
      assertFails("x % y == 0", "x", 1L, "y", 0.0);
      assertFails("x // y == 0", "x", 1L, "y", 0L);
      assertFails("log(x) < 0", "x", 0L);
      assertFails("sqrt(x) < 0", "x", -1L);
      assertFails("x ** 0.5 > 0", "x", -8L);
      assertFails("10 ** x > 0", "x", 400L);
      assertFails("x > 1", "x", Double.NaN);
      assertFails("x == 1", "x", Double.POSITIVE_INFINITY);
    }

    @Test
    void aFailureIsNotTurnedIntoSuccessByNot() {
      assertFails("not (sqrt(x) > 5)", "x", -1L);
      assertFails("not (x / y > 1)", "x", 1L, "y", 0L);
    }

    @Test
    void andAndOrStopAtThePartThatDecidesAsInPython() {
      assertThat(holds("x == 0 or 1 / x > 0", "x", 0L)).isTrue();
      assertThat(violation("x == 0 or 1 / x > 0", "x", 0L)).isZero();
      assertFails("1 / x > 0 or x == 0", "x", 0L);
      assertThat(holds("x != 0 and 1 / x > 2", "x", 0L)).isFalse();
      // The first part is violated by 1; the failing second part adds 1 instead of failing the whole.
      assertThat(violation("x != 0 and 1 / x > 2", "x", 0L)).isEqualTo(2);
      assertThat(holds("(x != 0 and 1 / x > 2) or x == 0", "x", 0L)).isTrue();
      assertThat(violation("(x != 0 and 1 / x > 2) or x == 0", "x", 0L)).isZero();
    }

    private void assertFails(String text, Object... namesAndValues) {
      assertThat(holds(text, namesAndValues)).as(text).isFalse();
      assertThat(violation(text, namesAndValues)).as(text).isEqualTo(1);
    }
  }
}
