package dev.asap.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  @Nested
  class Validation {
    @Test
    void floatLowMustBeBelowHigh() {
      assertThatThrownBy(() -> FloatParameter.of("x", 1, 1)).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'x': low (1.0) must be below high (1.0)");
      assertThatThrownBy(() -> FloatParameter.of("x", 2, 1)).hasMessageContaining("must be below high");
    }

    @Test
    void intLowMustBeBelowHigh() {
      assertThatThrownBy(() -> IntParameter.of("n", 5, 5)).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'n': low (5) must be below high (5)");
    }

    @Test
    void logNeedsPositiveLow() {
      assertThatThrownBy(() -> FloatParameter.log("lr", 0, 1)).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'lr': a log-scale parameter needs low > 0 (got 0.0); use a positive lower bound "
              + "or drop log");
      assertThatThrownBy(() -> FloatParameter.log("lr", -1, 1)).hasMessageContaining("needs low > 0");
      assertThatThrownBy(() -> new IntParameter("n", 0, 10, true)).isInstanceOf(InvalidSpaceException.class)
          .hasMessageContaining("parameter 'n': a log-scale integer needs low >= 1");
    }

    @Test
    void boundsMustBeFinite() {
      assertThatThrownBy(() -> FloatParameter.of("x", 0, Double.POSITIVE_INFINITY))
          .isInstanceOf(InvalidSpaceException.class).hasMessageContaining("must be finite");
      assertThatThrownBy(() -> FloatParameter.of("x", Double.NaN, 1)).hasMessageContaining("must be finite");
    }

    @Test
    void stepMustBePositiveFitTheRangeAndNotMixWithLog() {
      assertThatThrownBy(() -> new FloatParameter("x", 0, 1, false, 0.0)).hasMessageContaining("step must be a "
          + "positive number");
      assertThatThrownBy(() -> new FloatParameter("x", 0, 1, false, 2.0)).hasMessageContaining("larger than the range");
      assertThatThrownBy(() -> new FloatParameter("x", 1, 10, true, 1.0)).hasMessageContaining("step and log");
    }

    @Test
    void choicesMustBeNonEmptyDistinctScalars() {
      assertThatThrownBy(() -> new CategoricalParameter("c", List.of())).isInstanceOf(InvalidSpaceException.class)
          .hasMessageContaining("choices must list at least one value");
      assertThatThrownBy(() -> CategoricalParameter.of("c", "a", "a")).hasMessageContaining("appears twice");
      assertThatThrownBy(() -> CategoricalParameter.of("c", 1, 1L)).hasMessageContaining("appears twice");
      assertThatThrownBy(() -> OrdinalParameter.of("o", List.of(1))).hasMessageContaining("must be strings, numbers "
          + "or booleans");
      assertThatThrownBy(() -> new OrdinalParameter("o", List.of())).hasMessageContaining("values must list");
    }

    @Test
    void namesMustNotBeBlank() {
      assertThatThrownBy(() -> FloatParameter.of(" ", 0, 1)).isInstanceOf(InvalidSpaceException.class)
          .hasMessageContaining("empty name");
    }

    @Test
    void duplicateNames() {
      assertThatThrownBy(() -> SearchSpace.of(FloatParameter.of("x", 0, 1), IntParameter.of("x", 0, 3)))
          .isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'x' is defined twice; give each parameter a unique name");
    }

    @Test
    void unknownParent() {
      var b = SearchSpace.builder().add(FloatParameter.of("x", 0, 1)).when("x", "opt", "sgd");
      assertThatThrownBy(b::build).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'x' depends on unknown parameter 'opt'; the space has [x]");
    }

    @Test
    void conditionOnUnknownChild() {
      var b = SearchSpace.builder().add(CategoricalParameter.of("opt", "sgd")).when("ghost", "opt", "sgd");
      assertThatThrownBy(b::build).isInstanceOf(InvalidSpaceException.class)
          .hasMessageContaining("unknown parameter 'ghost'");
    }

    @Test
    void selfDependency() {
      var b = SearchSpace.builder().add(CategoricalParameter.of("a", "x", "y")).when("a", "a", "x");
      assertThatThrownBy(b::build).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'a' cannot depend on itself");
    }

    @Test
    void twoCycle() {
      var b = SearchSpace.builder()
          .add(CategoricalParameter.of("a", "on", "off")).add(CategoricalParameter.of("b", "on", "off"))
          .when("a", "b", "on").when("b", "a", "on");
      assertThatThrownBy(b::build).isInstanceOf(InvalidSpaceException.class)
          .hasMessageStartingWith("conditions form a cycle: ").hasMessageContaining("a -> b").hasMessageContaining("b -> a")
          .hasMessageEndingWith("; a parameter cannot (indirectly) depend on itself");
    }

    @Test
    void threeCycleIsSpelledOut() {
      var b = SearchSpace.builder()
          .add(CategoricalParameter.of("a", "on", "off")).add(CategoricalParameter.of("b", "on", "off"))
          .add(CategoricalParameter.of("c", "on", "off")).add(FloatParameter.of("free", 0, 1))
          .when("a", "c", "on").when("b", "a", "on").when("c", "b", "on");
      assertThatThrownBy(b::build).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("conditions form a cycle: a -> c -> b -> a; a parameter cannot (indirectly) depend on itself");
    }

    @Test
    void conditionValueThatTheParentCannotTake() {
      var cat = SearchSpace.builder().add(CategoricalParameter.of("opt", "adam", "sgd"))
          .add(FloatParameter.of("m", 0, 1)).when("m", "opt", "rmsprop");
      assertThatThrownBy(cat::build).isInstanceOf(InvalidSpaceException.class)
          .hasMessage("parameter 'm' depends on opt = 'rmsprop', a value 'opt' cannot take (its choices are "
              + "[adam, sgd])");
      var ints = SearchSpace.builder().add(IntParameter.of("layers", 1, 4))
          .add(FloatParameter.of("d", 0, 1)).when("d", "layers", 9);
      assertThatThrownBy(ints::build).hasMessageContaining("a value 'layers' cannot take (it is an integer on [1, 4])");
      var ord = SearchSpace.builder().add(OrdinalParameter.of("batch", 32, 64))
          .add(FloatParameter.of("d", 0, 1)).when("d", "batch", "32");
      assertThatThrownBy(ord::build).hasMessageContaining("(its values are [32, 64])");
    }

    @Test
    void conditionWithoutValues() {
      var b = SearchSpace.builder().add(CategoricalParameter.of("opt", "sgd")).add(FloatParameter.of("m", 0, 1))
          .condition("m", new Condition.In("opt", List.of()));
      assertThatThrownBy(b::build).hasMessage("parameter 'm': the condition on 'opt' lists no values");
    }

    @Test
    void configRejectsMissingInactiveAndUnknownValues() {
      SearchSpace s = optSpace();
      assertThatThrownBy(() -> s.config(Map.of("opt", "sgd"))).hasMessageContaining("'momentum' is active but has "
          + "no value");
      assertThatThrownBy(() -> s.config(Map.of("opt", "adam", "momentum", 0.5)))
          .hasMessageContaining("'momentum' is inactive here");
      assertThatThrownBy(() -> s.config(Map.of("opt", "adam", "nope", 1))).hasMessageContaining("unknown parameter "
          + "'nope'");
      assertThatThrownBy(() -> s.config(Map.of("opt", "sgd", "momentum", 2.0))).hasMessageContaining("must lie in");
    }
  }

  @Nested
  class Encoding {
    @Test
    void floatRoundTrip() {
      roundTrip(FloatParameter.of("x", -5, 10));
      roundTrip(FloatParameter.log("lr", 1e-5, 1));
    }

    @Test
    void stepFloatRoundTripIsExactAndOnTheGrid() {
      FloatParameter p = new FloatParameter("x", 0.1, 1.0, false, 0.3);
      assertThat(p.cardinality()).isEqualTo(4);
      SearchSpace s = SearchSpace.of(p);
      Random r = new Random(1);
      for (int i = 0; i < 500; i++) {
        Config c = s.sample(r);
        double v = c.getDouble("x");
        assertThat(p.contains(v)).as("%s on the grid", v).isTrue();
        assertThat(s.decode(s.encode(c))).isEqualTo(c);
      }
    }

    @Test
    void intRoundTripsIncludingLogScale() {
      roundTrip(IntParameter.of("n", -3, 7));
      roundTrip(new IntParameter("units", 16, 1024, true));
      IntParameter p = new IntParameter("units", 1, 1000, true);
      for (long v = 1; v <= 1000; v++) {
        assertThat(p.fromUnit(p.toUnit(v))).isEqualTo(v);
      }
    }

    @Test
    void intBinsGiveEveryValueItsShare() {
      IntParameter p = IntParameter.of("n", 0, 4);
      int[] counts = new int[5];
      Random r = new Random(2);
      for (int i = 0; i < 50_000; i++) {
        counts[(int) (long) (Long) p.fromUnit(r.nextDouble())]++;
      }
      for (int c : counts) {
        assertThat(c).isBetween(9_000, 11_000);
      }
    }

    @Test
    void categoricalAndOrdinalRoundTrip() {
      roundTrip(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"));
      roundTrip(CategoricalParameter.of("flag", true, false));
      roundTrip(OrdinalParameter.of("batch", 32, 64, 128, 256));
      roundTrip(OrdinalParameter.of("ratio", 0.25, 0.5, 1.0));
      OrdinalParameter o = OrdinalParameter.of("batch", 32, 64, 128);
      assertThat(o.toUnit(32)).isLessThan(o.toUnit(64L)).isLessThan(o.toUnit(128));
      assertThat(o.fromUnit(0.0)).isEqualTo(32L);
      assertThat(o.fromUnit(1.0)).isEqualTo(128L);
    }

    @Test
    void unitValuesOfFloatsRoundTrip() {
      FloatParameter p = FloatParameter.log("lr", 1e-4, 10);
      for (double u = 0; u <= 1; u += 0.01) {
        assertThat(p.toUnit(p.fromUnit(u))).isCloseTo(u, within(1e-9));
      }
    }

    @Test
    void inactiveParametersEncodeAsNaN() {
      SearchSpace s = optSpace();
      double[] adam = s.encode(s.config(Map.of("opt", "adam")));
      assertThat(adam[s.indexOf("momentum")]).isNaN();
      assertThat(adam[s.indexOf("opt")]).isEqualTo(0.25);
      double[] sgd = s.encode(s.config(Map.of("opt", "sgd", "momentum", 0.9)));
      assertThat(sgd[s.indexOf("momentum")]).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void decodeIgnoresInactiveCoordinatesAndReadsActiveNaNAsMiddle() {
      SearchSpace s = optSpace();
      assertThat(s.decode(new double[] {0.1, 0.3}).values()).isEqualTo(Map.of("opt", "adam"));
      assertThat(s.decode(new double[] {0.9, Double.NaN}).values()).isEqualTo(Map.of("opt", "sgd", "momentum", 0.5));
      assertThatThrownBy(() -> s.decode(new double[] {0.5})).hasMessageContaining("expected 2 coordinates");
    }

    private void roundTrip(Parameter p) {
      SearchSpace s = SearchSpace.of(p);
      Random r = new Random(p.name().hashCode());
      for (int i = 0; i < 500; i++) {
        Config c = s.sample(r);
        Object v = c.get(p.name());
        assertThat(p.contains(v)).as("%s contains %s", p, v).isTrue();
        Config back = s.decode(s.encode(c));
        if (p instanceof FloatParameter) {
          assertThat(back.getDouble(p.name())).isCloseTo((Double) v, within(1e-9 * Math.max(1, Math.abs((Double) v))));
        } else {
          assertThat(back).isEqualTo(c);
        }
        assertThat(s.config(c.values())).isEqualTo(c);
      }
    }
  }

  @Nested
  class Hierarchies {
    /** model -> kernel (when model = svm) -> gamma (when kernel = rbf): three levels deep. */
    private SearchSpace threeLevels() {
      return SearchSpace.builder()
          .add(FloatParameter.log("gamma", 1e-3, 10))
          .add(CategoricalParameter.of("kernel", "linear", "rbf"))
          .add(CategoricalParameter.of("model", "svm", "tree"))
          .add(IntParameter.of("depth", 1, 10))
          .when("gamma", "kernel", "rbf")
          .when("kernel", "model", "svm")
          .when("depth", "model", "tree")
          .build();
    }

    @Test
    void grandchildIsActiveOnlyWhenTheWholeChainHolds() {
      SearchSpace s = threeLevels();
      Random r = new Random(3);
      int seen = 0;
      for (int i = 0; i < 2_000; i++) {
        Config c = s.sample(r);
        boolean svm = c.get("model").equals("svm");
        assertThat(c.has("kernel")).isEqualTo(svm);
        assertThat(c.has("depth")).isEqualTo(!svm);
        boolean rbf = svm && c.get("kernel").equals("rbf");
        assertThat(c.has("gamma")).isEqualTo(rbf);
        seen += rbf ? 1 : 0;
        double[] x = s.encode(c);
        for (Parameter p : s.parameters()) {
          assertThat(Double.isNaN(x[s.indexOf(p.name())])).isEqualTo(!c.has(p.name()));
        }
        assertThat(s.config(c.values())).isEqualTo(c);
        assertThat(s.decode(x).values().keySet()).isEqualTo(c.values().keySet());
      }
      assertThat(seen).isBetween(350, 650);
    }

    @Test
    void configKeepsTheSpaceOrderWhateverTheEvaluationOrder() {
      Config c = threeLevels().config(Map.of("model", "svm", "kernel", "rbf", "gamma", 1));
      assertThat(new ArrayList<>(c.values().keySet())).containsExactly("gamma", "kernel", "model");
      assertThat(c.get("gamma")).isEqualTo(1.0);
    }

    @Test
    void stackedAndCompoundConditions() {
      SearchSpace s = SearchSpace.builder()
          .add(CategoricalParameter.of("a", "x", "y")).add(IntParameter.of("b", 1, 3))
          .add(FloatParameter.of("both", 0, 1)).add(FloatParameter.of("either", 0, 1))
          .when("both", "a", "x").when("both", "b", 2, 3)
          .condition("either", new Condition.AnyOf(List.of(new Condition.In("a", List.of("y")),
              new Condition.In("b", List.of(1L)))))
          .build();
      assertThat(s.condition("both")).isInstanceOf(Condition.AllOf.class);
      Random r = new Random(4);
      for (int i = 0; i < 1_000; i++) {
        Config c = s.sample(r);
        boolean ax = c.get("a").equals("x");
        long b = c.getLong("b");
        assertThat(c.has("both")).isEqualTo(ax && b >= 2);
        assertThat(c.has("either")).isEqualTo(!ax || b == 1);
      }
    }

    @Test
    void randomSpacesDecodeToConfigsTheyAccept() {
      for (int seed = 0; seed < 200; seed++) {
        Random r = new Random(seed);
        SearchSpace s = randomSpace(r);
        for (int i = 0; i < 50; i++) {
          double[] u = new double[s.dimension()];
          for (int j = 0; j < u.length; j++) {
            u[j] = r.nextInt(10) == 0 ? Double.NaN : r.nextDouble() * 1.2 - 0.1; // clamping and NaN too
          }
          Config c = s.decode(u);
          assertThat(s.config(c.values())).as("seed %d, point %d in %s", seed, i, s).isEqualTo(c);
          for (var e : c.values().entrySet()) {
            assertThat(s.parameter(e.getKey()).contains(e.getValue())).isTrue();
          }
          double[] x = s.encode(c);
          Config again = s.decode(x);
          assertThat(again.values().keySet()).isEqualTo(c.values().keySet());
          for (Parameter p : s.parameters()) {
            assertThat(Double.isNaN(x[s.indexOf(p.name())])).isEqualTo(!c.has(p.name()));
            if (c.has(p.name()) && !(p instanceof FloatParameter)) {
              assertThat(again.get(p.name())).isEqualTo(c.get(p.name()));
            }
          }
        }
      }
    }

    /** Up to 8 parameters; each may depend on an earlier finite parameter, so chains nest several levels deep. */
    private SearchSpace randomSpace(Random r) {
      SearchSpace.Builder b = SearchSpace.builder();
      List<Parameter> finite = new ArrayList<>();
      int n = 1 + r.nextInt(8);
      List<Parameter> params = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        params.add(randomParameter("p" + i, r));
      }
      Map<String, Object[]> conditions = new HashMap<>();
      for (Parameter p : params) {
        if (!finite.isEmpty() && r.nextBoolean()) {
          Parameter parent = finite.get(r.nextInt(finite.size()));
          conditions.put(p.name(), new Object[] {parent.name(), parent.fromUnit(r.nextDouble())});
        }
        if (p.cardinality() <= 20) {
          finite.add(p);
        }
      }
      List<Parameter> shuffled = new ArrayList<>(params);
      java.util.Collections.shuffle(shuffled, r); // declaration order need not follow the hierarchy
      shuffled.forEach(b::add);
      conditions.forEach((child, c) -> b.when(child, (String) c[0], c[1]));
      return b.build();
    }

    private Parameter randomParameter(String name, Random r) {
      switch (r.nextInt(6)) {
        case 0:
          return FloatParameter.of(name, -r.nextInt(5), 1 + r.nextInt(5));
        case 1:
          return FloatParameter.log(name, 1e-4, 1 + r.nextInt(100));
        case 2:
          return new FloatParameter(name, 0, 2, false, 0.5);
        case 3:
          return r.nextBoolean() ? IntParameter.of(name, -2, 2 + r.nextInt(30)) : new IntParameter(name, 1, 512, true);
        case 4:
          return CategoricalParameter.of(name, "a", "b", 3L, true);
        default:
          return OrdinalParameter.of(name, 1, 2, 4, 8);
      }
    }
  }

  private static SearchSpace optSpace() {
    return SearchSpace.builder()
        .add(CategoricalParameter.of("opt", "adam", "sgd"))
        .add(FloatParameter.of("momentum", 0, 1))
        .when("momentum", "opt", "sgd")
        .build();
  }
}
