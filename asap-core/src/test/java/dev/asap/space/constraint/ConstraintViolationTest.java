package dev.asap.space.constraint;

import static dev.asap.space.constraint.ConstraintTesting.NAMES;
import static dev.asap.space.constraint.ConstraintTesting.config;
import static dev.asap.space.constraint.ConstraintTesting.parse;
import static dev.asap.space.constraint.ConstraintTesting.violation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConstraintViolationTest {

  @Nested
  class PerOperator {
    @Test
    void lessOrEqualAndLess() {
      assertThat(violation("x <= 3", "x", 5L)).isEqualTo(2);
      assertThat(violation("x <= 3", "x", 3L)).isZero();
      assertThat(violation("x < 3", "x", 5.5)).isEqualTo(2.5);
      assertThat(violation("x < 3", "x", 2L)).isZero();
    }

    @Test
    void aTieUnderAStrictComparisonIsATinyPositiveViolation() {
      assertThat(violation("x < 3", "x", 3L)).isEqualTo(3e-12);
      assertThat(violation("x > 3", "x", 3L)).isEqualTo(3e-12);
      assertThat(violation("x < 0", "x", 0L)).isEqualTo(1e-12);
      assertThat(violation("x > -0.5", "x", -0.5)).isEqualTo(1e-12);
    }

    @Test
    void greaterOrEqualAndGreater() {
      assertThat(violation("x >= 3", "x", 1L)).isEqualTo(2);
      assertThat(violation("x >= 3", "x", 3L)).isZero();
      assertThat(violation("x > 3", "x", 1L)).isEqualTo(2);
      assertThat(violation("x > 3", "x", 4L)).isZero();
    }

    @Test
    void equality() {
      assertThat(violation("x == 3", "x", 5L)).isEqualTo(2);
      assertThat(violation("x == 3", "x", 1.5)).isEqualTo(1.5);
      assertThat(violation("x == 3", "x", 3.0)).isZero();
      assertThat(violation("tp * 2 == 3", "tp", 1L)).isEqualTo(1);
      assertThat(violation("opt == 'sgd'", "opt", "adam")).isEqualTo(1);
      assertThat(violation("opt == 'sgd'", "opt", "sgd")).isZero();
      assertThat(violation("opt == 3", "opt", "sgd")).isEqualTo(1);
      assertThat(violation("offload == true", "offload", false)).isEqualTo(1);
      assertThat(violation("global_batch % (micro_batch * dp) == 0", "global_batch", 500L, "micro_batch", 8L,
          "dp", 4L)).isEqualTo(20);
    }

    @Test
    void inequality() {
      assertThat(violation("x != 3", "x", 3L)).isEqualTo(1);
      assertThat(violation("x != 3", "x", 4L)).isZero();
      assertThat(violation("opt != 'sgd'", "opt", "sgd")).isEqualTo(1);
      assertThat(violation("opt != 'sgd'", "opt", "adam")).isZero();
    }

    @Test
    void membership() {
      assertThat(violation("x in [1, 2]", "x", 3L)).isEqualTo(1);
      assertThat(violation("x in [1, 2]", "x", 2L)).isZero();
      assertThat(violation("x not in [1, 2]", "x", 1L)).isEqualTo(1);
      assertThat(violation("x not in [1, 2]", "x", 3L)).isZero();
    }

    @Test
    void andSumsOrTakesTheLeast() {
      assertThat(violation("x <= 3 and y >= 10", "x", 5L, "y", 7L)).isEqualTo(5);
      assertThat(violation("x <= 3 and y >= 10", "x", 5L, "y", 12L)).isEqualTo(2);
      assertThat(violation("x <= 3 or y >= 10", "x", 5L, "y", 7L)).isEqualTo(2);
      assertThat(violation("x <= 3 or y >= 10", "x", 5L, "y", 10L)).isZero();
    }

    @Test
    void chainedComparisonsSumTheirParts() {
      assertThat(violation("1 <= x <= 3", "x", 5L)).isEqualTo(2);
      assertThat(violation("1 <= x <= 3", "x", -1L)).isEqualTo(2);
      assertThat(violation("x <= y <= 0", "x", 5L, "y", 2L)).isEqualTo(3 + 2);
    }

    @Test
    void notAndBareBooleans() {
      assertThat(violation("not (x <= 3)", "x", 1L)).isEqualTo(1);
      assertThat(violation("not (x <= 3)", "x", 5L)).isZero();
      assertThat(violation("offload", "offload", false)).isEqualTo(1);
      assertThat(violation("offload", "offload", true)).isZero();
      assertThat(violation("false")).isEqualTo(1);
    }

    @Test
    void absentParametersAndFailures() {
      assertThat(violation("x <= 3", "y", 5L)).isZero();
      assertThat(violation("x / y <= 3", "x", 5L, "y", 0L)).isEqualTo(1);
    }
  }

  @Nested
  class AgreementWithTest {
    private static final String[] CONSTRAINTS = {
        "tp * pp <= 64",
        "global_batch % (micro_batch * dp) == 0",
        "opt == 'sgd' or lr < 0.1",
        "not (recompute and offload)",
        "layers in [2, 4, 8]",
        "1 < tp < pp <= 8",
        "tp != pp and (lr >= 0.01 or layers // 2 > 1)",
        "log2(tp) + sqrt(pp) > 3 or offload",
        "x / (tp - 4) > 1 and opt not in ['adam', 3]",
        "min(x, y) ** 2 >= max(x, y) - 1 or -x % 3 == 1",
        "x == y or opt * 2 > 1",
    };

    @Test
    void testIsTrueExactlyWhenViolationIsZeroOnRandomConfigs() {
      Random random = new Random(7);
      for (String text : CONSTRAINTS) {
        Constraint constraint = parse(text);
        int held = 0;
        for (int i = 0; i < 400; i++) {
          Map<String, Object> config = randomConfig(random);
          double violation = constraint.violation(config);
          assertThat(violation).as("%s on %s", text, config).isNotNaN().isGreaterThanOrEqualTo(0);
          assertThat(constraint.test(config)).as("%s on %s (violation %s)", text, config, violation)
              .isEqualTo(violation == 0);
          held += constraint.test(config) ? 1 : 0;
        }
        assertThat(held).as("configs satisfying %s", text).isBetween(1, 399);
      }
    }

    @Test
    void testAgreesWithTheSameConditionWrittenInJava() {
      assertAgrees("tp * pp <= 64", c -> n(c, "tp") * n(c, "pp") <= 64);
      assertAgrees("global_batch % (micro_batch * dp) == 0",
          c -> Math.floorMod((long) n(c, "global_batch"), (long) (n(c, "micro_batch") * n(c, "dp"))) == 0);
      assertAgrees("tp // pp * pp + tp % pp == tp", c -> true);
      assertAgrees("1 < tp < pp <= 8", c -> 1 < n(c, "tp") && n(c, "tp") < n(c, "pp") && n(c, "pp") <= 8);
    }

    private void assertAgrees(String text, Predicate<Map<String, Object>> expected) {
      Constraint constraint = parse(text);
      Random random = new Random(11);
      for (int i = 0; i < 300; i++) {
        Map<String, Object> config = new HashMap<>();
        for (String name : new String[] {"tp", "pp", "dp", "global_batch", "micro_batch"}) {
          long value = 1 + random.nextInt(name.equals("global_batch") ? 600 : 12);
          config.put(name, random.nextBoolean() ? (Object) value : (Object) (double) value);
        }
        assertThat(constraint.test(config)).as("%s on %s", text, config).isEqualTo(expected.test(config));
      }
    }

    private static double n(Map<String, Object> config, String name) {
      return ((Number) config.get(name)).doubleValue();
    }

    /** Mostly well-typed values, with some absent parameters, wrong types and zeros to exercise every path. */
    private Map<String, Object> randomConfig(Random random) {
      Map<String, Object> config = new HashMap<>();
      for (String name : NAMES) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
          continue;
        }
        Object value = switch (name) {
          case "opt" -> new Object[] {"sgd", "adam", 3L}[random.nextInt(3)];
          case "offload", "recompute" -> roll < 0.08 ? (Object) 1L : (Object) random.nextBoolean();
          case "lr" -> random.nextDouble() * 0.2;
          default -> roll < 0.07 ? "oops" : number(random);
        };
        config.put(name, value);
      }
      return config;
    }

    private static Object number(Random random) {
      long value = random.nextInt(21) - 4;
      return switch (random.nextInt(3)) {
        case 0 -> value;
        case 1 -> (int) value;
        default -> value + (random.nextBoolean() ? 0.0 : 0.5);
      };
    }
  }
}
