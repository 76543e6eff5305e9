package dev.asap.space.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConstraintErrorTest {
  private static final Set<String> NAMES = new LinkedHashSet<>(List.of("tp", "pp", "dp", "opt", "offload"));

  @Nested
  class Text {
    @Test
    void empty() {
      assertError("", 1, "the constraint is empty; write a condition, e.g. 'tp * pp <= 64'");
      assertError("  \t ", 1, "the constraint is empty; write a condition, e.g. 'tp * pp <= 64'");
    }

    @Test
    void unexpectedCharacter() {
      assertError("tp @ 2", 4, "unexpected character '@'; write a parameter name that has other characters in "
          + "backticks, e.g. `my-param`");
      assertError("tp = 2", 4, "'=' is not an operator; use '==' to compare");
      assertError("offload & tp > 1", 9, "unexpected character '&'; write 'and' (or '&&')");
      assertError("offload | tp > 1", 9, "unexpected character '|'; write 'or' (or '||')");
      assertError("tp ^ 2 > 1", 4, "unexpected character '^'; write powers with '**'");
    }

    @Test
    void malformedNumbers() {
      assertError("2x > 1", 1, "'2x' is not a number; write numbers like 64, 0.5 or 1e-3, and a name that starts "
          + "with a digit in backticks, e.g. `2x`");
      assertError("tp > 1.2.3", 6, "'1.2.3' is not a number; write numbers like 64, 0.5 or 1e-3, and a name that "
          + "starts with a digit in backticks, e.g. `2x`");
      assertError("tp > 1e", 6, "'1e' is not a number; write numbers like 64, 0.5 or 1e-3, and a name that starts "
          + "with a digit in backticks, e.g. `2x`");
      assertError("tp < 1e999", 6, "the number 1e999 is too large; numbers must stay below about 1.8e308");
    }

    @Test
    void unclosedStringAndBackticks() {
      assertError("opt == 'sgd", 8, "the string starting here is never closed; add a closing '");
      assertError("opt == \"sgd", 8, "the string starting here is never closed; add a closing \"");
      assertError("`my-param > 2", 1, "the name in backticks starting here is never closed; add a closing `");
      assertError("`` > 2", 1, "the backticks hold no name; write a parameter name between them, e.g. `my-param`");
    }

    @Test
    void unclosedParenthesesAndBrackets() {
      assertError("(tp * pp <= 64", 1, "'(' is never closed; add a ')'");
      assertError("tp * (pp + 1 <= 64", 6, "'(' is never closed; add a ')'");
      assertError("min(tp, pp", 4, "'(' is never closed; add a ')'");
      assertError("tp in [1, 2", 7, "'[' is never closed; add a ']'");
      assertError("tp in [1, ", 7, "'[' is never closed; add a ']'");
      assertError("(tp < 2]", 8, "expected ')' to close the '(' at column 1, found ']'");
      assertError("min(tp pp) > 1", 8, "expected ',' or ')' to close the '(' at column 4, found 'pp'");
    }

    @Test
    void trailingTokens() {
      assertError("tp pp", 4, "unexpected 'pp' after a complete expression; join conditions with 'and' or 'or', or "
          + "add an operator before it");
      assertError("tp <= 64)", 9, "unexpected ')' without a matching '('; remove it or add a '('");
      assertError("tp < 2 in [1]", 8, "unexpected 'in' after a complete expression; join conditions with 'and' or "
          + "'or', or add an operator before it");
    }

    @Test
    void missingOperand() {
      assertError("tp * * pp <= 64", 6, "expected a number, a name or '(' after '*', found '*'");
      assertError("tp <=", 6, "expected a number, a name or '(' after '<=', but the constraint ends there");
      assertError(") < 1", 1, "expected a number, a name or '(' at the start, found ')'");
      assertError("in > 1", 1, "expected a number, a name or '(' at the start, found 'in'; to use 'in' as a "
          + "parameter name, write it in backticks: `in`");
      assertError("tp < +1", 6, "expected a number, a name or '(' after '<', found '+'");
    }
  }

  @Nested
  class Names {
    @Test
    void unknownNameWithASuggestion() {
      assertError("tp * tpp <= 64", 6, "unknown name 'tpp'; did you mean 'tp'? (names: tp, pp, dp, opt, offload)");
      assertError("TP > 1", 1, "unknown name 'TP'; did you mean 'tp'? (names: tp, pp, dp, opt, offload)");
      assertError("ofload", 1, "unknown name 'ofload'; did you mean 'offload'? (names: tp, pp, dp, opt, offload)");
    }

    @Test
    void unknownNameThatLooksLikeAnUnquotedValue() {
      assertError("opt == sgd", 8, "unknown name 'sgd'; if it is a text value, quote it: 'sgd' (names: tp, pp, dp, "
          + "opt, offload)");
      assertError("`my-param` > 1", 1, "unknown name 'my-param'; if it is a text value, quote it: 'my-param' "
          + "(names: tp, pp, dp, opt, offload)");
    }

    @Test
    void longNameListsAreCut() {
      Set<String> many = new LinkedHashSet<>(IntStream.range(0, 25).mapToObj(i -> "p" + i).toList());
      ConstraintException e = catchThrowableOfType(ConstraintException.class, () -> Constraint.parse("q > 1", many));
      assertThat(e).hasMessageEndingWith("p18, p19, ... (5 more))");
      ConstraintException none = catchThrowableOfType(ConstraintException.class,
          () -> Constraint.parse("q > 1", Set.of()));
      assertThat(none).hasMessage("at column 1: unknown name 'q'; if it is a text value, quote it: 'q' "
          + "(no parameters are defined)");
    }
  }

  @Nested
  class Types {
    @Test
    void aConstraintMustBeACondition() {
      assertError("tp * pp", 1, "'tp * pp' is a number, but a constraint must be a comparison or a condition, "
          + "e.g. 'tp * pp <= 64'");
      assertError("  64", 3, "'64' is a number, but a constraint must be a comparison or a condition, "
          + "e.g. 'tp * pp <= 64'");
      assertError("'abc'", 1, "'abc' is a string, but a constraint must be a comparison or a condition, "
          + "e.g. 'tp * pp <= 64'");
    }

    @Test
    void andOrNotNeedConditions() {
      assertError("tp * pp and offload", 1, "'tp * pp' is a number, but 'and' joins conditions; compare it, "
          + "e.g. 'tp * pp <= 64'");
      assertError("offload || (tp + 1)", 12, "'(tp + 1)' is a number, but '||' joins conditions; compare it, "
          + "e.g. 'tp * pp <= 64'");
      assertError("not 3", 5, "'3' is a number, but 'not' needs a condition; compare it, e.g. 'tp * pp <= 64'");
    }

    @Test
    void stringsInArithmetic() {
      assertError("'a' * 2 == 1", 1, "'a' is a string, but '*' needs numbers; strings can only be compared with "
          + "==, != and in");
      assertError("2 + \"a\" == 1", 5, "\"a\" is a string, but '+' needs numbers; strings can only be compared with "
          + "==, != and in");
      assertError("-'a' < 1", 2, "'a' is a string, but '-' needs numbers; strings can only be compared with "
          + "==, != and in");
      assertError("abs('a') > 1", 5, "'a' is a string, but abs() needs numbers; strings can only be compared with "
          + "==, != and in");
    }

    @Test
    void stringsCannotBeOrdered() {
      assertError("opt < 'b'", 7, "'b' is a string, but '<' needs numbers; strings can only be compared with "
          + "==, != and in");
    }

    @Test
    void conditionsInArithmetic() {
      assertError("(tp < 2) + 1 > 0", 1, "'(tp < 2)' is a condition, but '+' needs numbers; combine conditions "
          + "with and, or, not");
      assertError("true ** 2 > 0", 1, "'true' is a condition, but '**' needs numbers; combine conditions "
          + "with and, or, not");
    }
  }

  @Nested
  class Functions {
    @Test
    void unknownFunction() {
      assertError("foo(tp) > 1", 1, "unknown function 'foo'; the functions are min, max, abs, floor, ceil, log, "
          + "log2, sqrt");
      assertError("tp + flor(pp) > 1", 6, "unknown function 'flor'; did you mean 'floor'? (functions: min, max, "
          + "abs, floor, ceil, log, log2, sqrt)");
      assertError("tp(2) > 1", 1, "'tp' is a parameter, not a function; write an operator between it and '(', "
          + "e.g. tp * (...)");
    }

    @Test
    void wrongArity() {
      assertError("abs(tp, pp) > 1", 1, "abs() takes exactly 1 argument, got 2; write abs(x)");
      assertError("sqrt() > 1", 1, "sqrt() takes exactly 1 argument, got 0; write sqrt(x)");
      assertError("tp + min(pp) > 1", 6, "min() takes 2 or more arguments, got 1; write min(a, b, ...)");
    }
  }

  @Nested
  class Lists {
    @Test
    void inNeedsAListOfLiterals() {
      assertError("tp in 3", 7, "expected a list of values after 'in', e.g. [2, 4, 8], found '3'");
      assertError("tp not in", 10, "expected a list of values after 'not in', e.g. [2, 4, 8], found the end of the "
          + "constraint");
      assertError("tp in []", 7, "the list after 'in' is empty; list at least one value, e.g. [2, 4, 8]");
      assertError("opt in [sgd, adam]", 9, "the list after 'in' can hold only numbers, strings and true/false, "
          + "found 'sgd'; quote text values, e.g. 'sgd'");
      assertError("tp in [1 2]", 10, "expected ',' or ']' to close the '[' at column 7, found '2'");
    }
  }

  @Test
  void aConstraintExceptionIsAnIllegalArgumentException() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Constraint.parse("tp *", NAMES)))
        .isInstanceOf(ConstraintException.class);
  }

  private static void assertError(String text, int column, String problem) {
    ConstraintException e = catchThrowableOfType(ConstraintException.class, () -> Constraint.parse(text, NAMES));
    assertThat(e).as("parsing \"%s\" throws", text).isNotNull();
    assertThat(e).hasMessage("at column " + column + ": " + problem);
    assertThat(e.column()).isEqualTo(column);
  }
}
