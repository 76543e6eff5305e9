package dev.asap.space.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.InvalidSpaceException;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSpaceJsonTest {
  private static final List<Path> YAHPO_CANDIDATES = List.of(
      Path.of("..", "shared", "benchdata", "yahpo_v1"), Path.of("..", "..", "shared", "benchdata", "yahpo_v1"));

  private static Path yahpo() {
    Path dir = YAHPO_CANDIDATES.stream().filter(Files::isDirectory).findFirst().orElse(null);
    Assumptions.assumeTrue(dir != null, "../shared/benchdata/yahpo_v1 is absent (looked in " + YAHPO_CANDIDATES
        + " from " + Path.of("").toAbsolutePath() + "): skipping the checks against YAHPO's real ConfigSpace files");
    return dir;
  }

  @Test
  void everyYahpoConfigSpaceLoads() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(yahpo())) {
      files = walk.filter(p -> p.getFileName().toString().equals("config_space.json")).sorted()
          .collect(Collectors.toList());
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      SearchSpace s = ConfigSpaceJson.read(f);
      assertThat(s.dimension()).as("%s", f).isPositive();
      Random r = new Random(0);
      for (int i = 0; i < 200; i++) {
        Config c = s.sample(r);
        assertThat(s.config(c.values())).isEqualTo(c);
      }
    }
  }

  @Test
  void rbv2XgboostConditions() {
    Path file = yahpo().resolve("rbv2_xgboost").resolve("config_space.json");
    Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent: skipping the rbv2_xgboost condition checks");
    SearchSpace s = ConfigSpaceJson.read(file);
    Set<String> trees = Set.of("eta", "gamma", "max_depth", "min_child_weight", "colsample_bytree",
        "colsample_bylevel");
    Set<String> dart = Set.of("rate_drop", "skip_drop");
    assertThat(s.conditions().keySet()).containsExactlyInAnyOrderElementsOf(
        Stream.concat(trees.stream(), dart.stream()).collect(Collectors.toSet()));
    for (String name : trees) {
      assertThat(activeFor(s, name)).as(name).isEqualTo(Set.of("gbtree", "dart"));
    }
    for (String name : dart) {
      assertThat(s.condition(name)).isEqualTo(new Condition.In("booster", List.of("dart")));
      assertThat(activeFor(s, name)).as(name).isEqualTo(Set.of("dart"));
    }
    assertThat(s.parameter("nrounds")).isEqualTo(new IntParameter("nrounds", 7, 2981, true));
    assertThat(((CategoricalParameter) s.parameter("task_id")).choices()).contains("16", "40923");
    Random r = new Random(1);
    for (int i = 0; i < 500; i++) {
      Config c = s.sample(r);
      String booster = c.getString("booster");
      trees.forEach(t -> assertThat(c.has(t)).isEqualTo(!booster.equals("gblinear")));
      dart.forEach(t -> assertThat(c.has(t)).isEqualTo(booster.equals("dart")));
    }
  }

  private static Set<String> activeFor(SearchSpace s, String name) {
    return Stream.of("gblinear", "gbtree", "dart")
        .filter(b -> s.isActive(name, Map.of("booster", b))).collect(Collectors.toSet());
  }

  @Test
  void everyHyperparameterType() {
    SearchSpace s = parse("""
        [{"name": "lr", "type": "uniform_float", "lower": 1e-5, "upper": 1, "log": true, "default": 0.01},
         {"name": "frac", "type": "uniform_float", "lower": 0, "upper": 1, "q": 0.25},
         {"name": "n", "type": "uniform_int", "lower": 1, "upper": 100.0, "log": false, "q": 1},
         {"name": "units", "type": "uniform_int", "lower": 16, "upper": 512, "log": true},
         {"name": "opt", "type": "categorical", "choices": ["adam", "sgd"], "weights": [0.5, 0.5]},
         {"name": "flag", "type": "categorical", "choices": [true, false]},
         {"name": "batch", "type": "ordinal", "sequence": [32, 64, 128]},
         {"name": "fixed", "type": "constant", "value": "on"},
         {"name": "g", "type": "normal_float", "mu": 0, "sigma": 1, "lower": -3, "upper": 3, "log": false},
         {"name": "k", "type": "normal_int", "mu": 5, "sigma": 2, "lower": 1, "upper": 9}]
        """, "[]");
    assertThat(s.parameters()).containsExactly(
        FloatParameter.log("lr", 1e-5, 1),
        new FloatParameter("frac", 0, 1, false, 0.25),
        IntParameter.of("n", 1, 100),
        new IntParameter("units", 16, 512, true),
        CategoricalParameter.of("opt", "adam", "sgd"),
        CategoricalParameter.of("flag", true, false),
        OrdinalParameter.of("batch", 32, 64, 128),
        CategoricalParameter.of("fixed", "on"),
        FloatParameter.of("g", -3, 3),
        IntParameter.of("k", 1, 9));
    assertThat(s.hasConditions()).isFalse();
  }

  @Test
  void conditionKinds() {
    String hps = """
        [{"name": "opt", "type": "categorical", "choices": ["adam", "sgd", "rmsprop"]},
         {"name": "layers", "type": "uniform_int", "lower": 1, "upper": 4},
         {"name": "batch", "type": "ordinal", "sequence": [32, 64]},
         {"name": "c", "type": "uniform_float", "lower": 0, "upper": 1}]
        """;
    assertThat(parse(hps, """
        [{"child": "c", "parent": "opt", "type": "EQ", "value": "sgd"}]""").condition("c"))
        .isEqualTo(new Condition.In("opt", List.of("sgd")));
    assertThat(parse(hps, """
        [{"child": "c", "parent": "opt", "type": "IN", "values": ["sgd", "rmsprop"]}]""").condition("c"))
        .isEqualTo(new Condition.In("opt", List.of("sgd", "rmsprop")));
    assertThat(parse(hps, """
        [{"child": "c", "parent": "opt", "type": "NEQ", "value": "adam"}]""").condition("c"))
        .isEqualTo(new Condition.In("opt", List.of("sgd", "rmsprop")));
    assertThat(parse(hps, """
        [{"child": "c", "parent": "layers", "type": "NEQ", "value": 2}]""").condition("c"))
        .isEqualTo(new Condition.In("layers", List.of(1L, 3L, 4L)));
    assertThat(parse(hps, """
        [{"child": "c", "parent": "batch", "type": "EQ", "value": "64"}]""").condition("c"))
        .isEqualTo(new Condition.In("batch", List.of(64L)));
    assertThat(parse(hps, """
        [{"child": "c", "type": "AND", "conditions": [
           {"child": "c", "parent": "opt", "type": "EQ", "value": "sgd"},
           {"child": "c", "parent": "layers", "type": "IN", "values": [3, 4]}]}]""").condition("c"))
        .isEqualTo(new Condition.AllOf(List.of(new Condition.In("opt", List.of("sgd")),
            new Condition.In("layers", List.of(3L, 4L)))));
    SearchSpace or = parse(hps, """
        [{"child": "c", "type": "OR", "conditions": [
           {"child": "c", "parent": "opt", "type": "EQ", "value": "sgd"},
           {"child": "c", "type": "AND", "conditions": [
             {"child": "c", "parent": "opt", "type": "EQ", "value": "adam"},
             {"child": "c", "parent": "batch", "type": "EQ", "value": 32}]}]}]""");
    assertThat(or.isActive("c", Map.of("opt", "sgd", "batch", 64L))).isTrue();
    assertThat(or.isActive("c", Map.of("opt", "adam", "batch", 32L))).isTrue();
    assertThat(or.isActive("c", Map.of("opt", "adam", "batch", 64L))).isFalse();
    assertThat(parse(hps, """
        [{"child": "c", "parent": "opt", "type": "EQ", "value": "sgd"},
         {"child": "c", "parent": "layers", "type": "EQ", "value": 2}]""").condition("c"))
        .isEqualTo(new Condition.AllOf(List.of(new Condition.In("opt", List.of("sgd")),
            new Condition.In("layers", List.of(2L)))));
  }

  @Test
  void conditionValuesTakeTheParentsType() {
    String strings = """
        [{"name": "task", "type": "categorical", "choices": ["16", "40923"]},
         {"name": "c", "type": "uniform_float", "lower": 0, "upper": 1}]""";
    assertThat(parse(strings, """
        [{"child": "c", "parent": "task", "type": "EQ", "value": "16"}]""").condition("c"))
        .isEqualTo(new Condition.In("task", List.of("16")));
    assertThat(parse(strings, """
        [{"child": "c", "parent": "task", "type": "IN", "values": [16, 40923.0]}]""").condition("c"))
        .isEqualTo(new Condition.In("task", List.of("16", "40923")));
    String numbers = """
        [{"name": "task", "type": "categorical", "choices": [16, 40923]},
         {"name": "flag", "type": "categorical", "choices": [true, false]},
         {"name": "c", "type": "uniform_float", "lower": 0, "upper": 1}]""";
    assertThat(parse(numbers, """
        [{"child": "c", "parent": "task", "type": "EQ", "value": "16"}]""").condition("c"))
        .isEqualTo(new Condition.In("task", List.of(16L)));
    assertThat(parse(numbers, """
        [{"child": "c", "parent": "flag", "type": "EQ", "value": "True"}]""").condition("c"))
        .isEqualTo(new Condition.In("flag", List.of(true)));
  }

  @Test
  void errorsNameTheFileAndTheHyperparameter() {
    String cat = "{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": [\"a\", \"b\"]}";
    String f = "{\"name\": \"c\", \"type\": \"uniform_float\", \"lower\": 0, \"upper\": 1}";
    assertParseError("[{\"name\": \"g\", \"type\": \"normal_float\", \"mu\": 0, \"sigma\": 1}]", "[]",
        "cs.json: hyperparameter 'g' (normal_float): has no lower/upper bounds");
    assertParseError("[{\"name\": \"x\", \"type\": \"weird\"}]", "[]",
        "cs.json: hyperparameter 'x' (weird): unsupported type; use uniform_float");
    assertParseError("[{\"name\": \"x\", \"type\": \"uniform_float\", \"upper\": 1}]", "[]",
        "cs.json: hyperparameter 'x' (uniform_float): 'lower' must be a number, got nothing");
    assertParseError("[{\"name\": \"x\", \"type\": \"uniform_float\", \"lower\": 0, \"upper\": 1, \"log\": true}]", "[]",
        "cs.json: parameter 'x': a log-scale parameter needs low > 0 (got 0.0)");
    assertParseError("[{\"name\": \"n\", \"type\": \"uniform_int\", \"lower\": 0, \"upper\": 10, \"q\": 2}]", "[]",
        "cs.json: hyperparameter 'n' (uniform_int): q = 2 on an integer cannot be represented");
    assertParseError("[{\"type\": \"uniform_int\", \"lower\": 0, \"upper\": 10}]", "[]",
        "cs.json: a hyperparameter has no 'name'");
    assertParseError("[{\"name\": \"opt\", \"type\": \"categorical\"}]", "[]",
        "cs.json: hyperparameter 'opt' (categorical): missing the 'choices' list");
    assertParseError("[" + cat + ", " + f + "]", "[{\"child\": \"c\", \"parent\": \"opt\", \"type\": \"LT\", \"value\": 1}]",
        "cs.json: condition on hyperparameter 'c': unsupported condition type 'LT'; ASAP reads EQ, NEQ, IN, AND and OR");
    assertParseError("[" + cat + ", " + f + "]", "[{\"child\": \"c\", \"parent\": \"opt\", \"type\": \"EQ\", \"value\": \"z\"}]",
        "cs.json: parameter 'c' depends on opt = 'z', a value 'opt' cannot take (its choices are [a, b])");
    assertParseError("[" + f + "]", "[{\"child\": \"c\", \"parent\": \"nope\", \"type\": \"EQ\", \"value\": \"z\"}]",
        "cs.json: parameter 'c' depends on unknown parameter 'nope'");
    assertParseError("[" + cat + ", " + f + ", " + f.replace("\"c\"", "\"x\"") + "]",
        "[{\"child\": \"c\", \"parent\": \"x\", \"type\": \"NEQ\", \"value\": 0.5}]",
        "cs.json: condition on hyperparameter 'c': NEQ needs a parent with a short list of values, but 'x' has a "
            + "continuous range; rewrite the condition with IN");
    assertParseError("[" + cat + ", " + f + "]", "[{\"child\": \"c\", \"parent\": \"opt\", \"type\": \"IN\", \"values\": []}]",
        "cs.json: condition on hyperparameter 'c': IN needs a non-empty 'values' list");
    assertParseError("[" + cat + ", " + f + "]", "[{\"child\": \"c\", \"type\": \"AND\"}]",
        "cs.json: condition on hyperparameter 'c': AND needs a non-empty 'conditions' list");
    assertThatThrownBy(() -> ConfigSpaceJson.parse("{\"hyperparameters\": [" + cat + "], \"forbiddens\": ["
        + "{\"name\": \"opt\", \"type\": \"EQUALS\", \"value\": \"a\"}, {\"name\": \"opt\", \"type\": \"EQUALS\", "
        + "\"value\": \"b\"}]}", "cs.json"))
        .isInstanceOf(InvalidSpaceException.class)
        .hasMessage("cs.json: forbidden clauses are not supported yet (found 2, the first is "
            + "{\"name\":\"opt\",\"type\":\"EQUALS\",\"value\":\"a\"}); remove the 'forbiddens' entries or express them "
            + "as conditions");
    assertThatThrownBy(() -> ConfigSpaceJson.parse("{\"hyperparameters\": [", "cs.json"))
        .isInstanceOf(InvalidSpaceException.class).hasMessageStartingWith("cs.json: not valid JSON at line 1");
    assertThatThrownBy(() -> ConfigSpaceJson.parse("{\"params\": []}", "cs.json"))
        .hasMessage("cs.json: expected a JSON object with a 'hyperparameters' list, as ConfigSpace's JSON writer produces");
  }

  @Test
  void readNamesTheFile(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> ConfigSpaceJson.read(missing)).isInstanceOf(InvalidSpaceException.class)
        .hasMessageStartingWith(missing + ": cannot read the ConfigSpace file");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"hyperparameters\": [{\"name\": \"x\", \"type\": \"weird\"}]}");
    assertThatThrownBy(() -> ConfigSpaceJson.read(bad)).hasMessageStartingWith(bad + ": hyperparameter 'x'");
  }

  private static SearchSpace parse(String hyperparameters, String conditions) {
    return ConfigSpaceJson.parse("{\"hyperparameters\": " + hyperparameters + ", \"conditions\": " + conditions
        + ", \"forbiddens\": []}", "cs.json");
  }

  private static void assertParseError(String hyperparameters, String conditions, String message) {
    assertThatThrownBy(() -> parse(hyperparameters, conditions)).isInstanceOf(InvalidSpaceException.class)
        .hasMessageStartingWith(message);
  }
}
