package dev.asap.space.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.InvalidSpaceException;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceFormatTest {

  private static SearchSpace everything() {
    return SearchSpace.builder()
        .add(FloatParameter.of("x", -5, 10))
        .add(FloatParameter.log("lr", 1e-5, 1))
        .add(new FloatParameter("dropout", 0, 0.5, false, 0.1))
        .add(IntParameter.of("layers", 1, 8))
        .add(new IntParameter("units", 16, 1024, true))
        .add(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"))
        .add(CategoricalParameter.of("nesterov", true, false))
        .add(OrdinalParameter.of("batch", 32, 64, 128))
        .add(OrdinalParameter.of("ratio", 0.25, 0.5))
        .add(FloatParameter.of("momentum", 0, 1))
        .add(FloatParameter.of("decay", 0, 1))
        .when("momentum", "opt", "sgd", "rmsprop")
        .when("nesterov", "momentum", 0.0)
        .when("decay", "opt", "sgd")
        .when("decay", "batch", 64, 128)
        .build();
  }

  private static void assertSameSpace(SearchSpace actual, SearchSpace expected) {
    assertThat(actual.parameters()).isEqualTo(expected.parameters());
    assertThat(actual.conditions()).isEqualTo(expected.conditions());
  }

  @Test
  void mapRoundTrip() {
    SearchSpace s = everything();
    Map<String, Object> map = SpaceFormat.toMap(s);
    assertThat(map.keySet()).containsExactly("x", "lr", "dropout", "layers", "units", "opt", "nesterov", "batch",
        "ratio", "momentum", "decay");
    assertThat(map.get("lr")).isEqualTo(Map.of("type", "float", "low", 1e-5, "high", 1.0, "log", true));
    assertThat(map.get("decay")).isEqualTo(Map.of("type", "float", "low", 0.0, "high", 1.0,
        "when", Map.of("opt", List.of("sgd"), "batch", List.of(64L, 128L))));
    assertSameSpace(SpaceFormat.fromMap(map), s);
  }

  @Test
  void jsonRoundTrip() {
    SearchSpace s = everything();
    String json = SpaceFormat.toJson(s);
    SearchSpace back = SpaceFormat.fromJson(json);
    assertSameSpace(back, s);
    assertThat(back.condition("decay")).isInstanceOf(Condition.AllOf.class);
    assertThat(SpaceFormat.toJson(back)).isEqualTo(json);
  }

  @Test
  void looseInputIsAccepted() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("x", Map.of("type", "real", "low", "0.5", "high", 2));
    spec.put("n", Map.of("type", "integer", "low", 1.0, "high", 3));
    spec.put("c", Map.of("type", "choice", "choices", List.of("a", "b"), "when", Map.of("n", 2)));
    SearchSpace s = SpaceFormat.fromMap(spec);
    assertThat(s.parameter("x")).isEqualTo(FloatParameter.of("x", 0.5, 2));
    assertThat(s.parameter("n")).isEqualTo(IntParameter.of("n", 1, 3));
    assertThat(s.condition("c")).isEqualTo(new Condition.In("n", List.of(2L)));
  }

  @Test
  void conditionsWithoutAMapFormCannotBeWritten() {
    SearchSpace s = SearchSpace.builder().add(CategoricalParameter.of("a", "x", "y")).add(IntParameter.of("b", 1, 3))
        .add(FloatParameter.of("c", 0, 1))
        .condition("c", new Condition.AnyOf(List.of(new Condition.In("a", List.of("x")),
            new Condition.In("b", List.of(1L)))))
        .build();
    assertThatThrownBy(() -> SpaceFormat.toMap(s)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 'c'").hasMessageContaining("has no form in ASAP's space format");
  }

  @Test
  void clearErrors() {
    assertError(Map.of(), "the space defines no parameters; add at least one under 'space:'");
    assertError(Map.of("x", 3), "parameter 'x': expected a map such as {type: float, low: 0, high: 1}, got 3");
    assertError(Map.of("x", Map.of("low", 0)), "parameter 'x': missing 'type' (one of float, int, categorical, ordinal)");
    assertError(Map.of("x", Map.of("type", "flaot")), "parameter 'x': unknown type 'flaot'; use float, int, "
        + "categorical or ordinal");
    assertError(Map.of("x", Map.of("type", "float", "low", 0, "high", 1, "choices", List.of())),
        "parameter 'x': unknown key 'choices' for type float; allowed keys are [high, log, low, step, type, when]");
    assertError(Map.of("x", Map.of("type", "float", "high", 1)), "parameter 'x': missing 'low'");
    assertError(Map.of("x", Map.of("type", "float", "low", "zero", "high", 1)),
        "parameter 'x': 'low' must be a number, got 'zero'");
    assertError(Map.of("n", Map.of("type", "int", "low", 0.5, "high", 1)),
        "parameter 'n': 'low' of an int parameter must be a whole number, got 0.5");
    assertError(Map.of("x", Map.of("type", "float", "low", 0, "high", 1, "log", "yes")),
        "parameter 'x': 'log' must be true or false, got 'yes'");
    assertError(Map.of("c", Map.of("type", "categorical", "choices", "a,b")),
        "parameter 'c': 'choices' must be a list such as [a, b], got 'a,b'");
    assertError(Map.of("x", Map.of("type", "float", "low", 0, "high", 1, "when", List.of("opt"))),
        "parameter 'x': 'when' must map parent names to lists of values, e.g. when: {opt: [sgd]}");
    assertError(Map.of("x", Map.of("type", "float", "low", 0, "high", 1, "log", true)),
        "parameter 'x': a log-scale parameter needs low > 0 (got 0.0); use a positive lower bound or drop log");
    assertThatThrownBy(() -> SpaceFormat.fromJson("{\"x\": ")).isInstanceOf(InvalidSpaceException.class)
        .hasMessageStartingWith("stored space is not valid JSON");
  }

  private static void assertError(Map<String, ?> spec, String message) {
    assertThatThrownBy(() -> SpaceFormat.fromMap(spec)).isInstanceOf(InvalidSpaceException.class).hasMessage(message);
  }
}
