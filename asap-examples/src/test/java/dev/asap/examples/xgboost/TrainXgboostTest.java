package dev.asap.examples.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainXgboostTest {
  private static final double CONSTANT_PREDICTOR_LOG_LOSS = Math.log(2);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return TrainXgboost.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<Map<String, Double>> outputLines() throws IOException {
    List<Map<String, Double>> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      Map<String, Double> fields = new LinkedHashMap<>();
      try (JsonParser p = new JsonFactory().createParser(line)) {
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          fields.put(name, p.getDoubleValue());
        }
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      }
      lines.add(fields);
    }
    return lines;
  }

  @Test
  void sensibleConfigBeatsConstantPredictorAndPrintsOneLinePerFold() throws IOException {
    int code = run("--eta", "0.1", "--max-depth", "3", "--num-round", "60", "--subsample", "0.8",
        "--folds", "3", "--seed", "7");

    assertThat(code).as("stderr: %s", err).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    List<Map<String, Double>> lines = outputLines();
    assertThat(lines).hasSize(4);
    for (int k = 1; k <= 3; k++) {
      assertThat(lines.get(k - 1)).containsOnlyKeys("step", "value").containsEntry("step", (double) k);
    }
    Map<String, Double> result = lines.get(3);
    assertThat(result).containsOnlyKeys("value", "accuracy");
    assertThat(result.get("value")).isFinite().isPositive().isLessThan(CONSTANT_PREDICTOR_LOG_LOSS)
        .isEqualTo(lines.get(2).get("value"));
    assertThat(result.get("accuracy")).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
  }

  @Test
  void sameArgumentsGiveTheSameOutput() {
    String[] args = {"--eta", "0.3", "--num-round", "10", "--subsample", "0.7", "--colsample-bytree", "0.6",
        "--folds", "2"};
    assertThat(run(args)).isZero();
    String first = out.toString(StandardCharsets.UTF_8);
    out.reset();
    assertThat(run(args)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
  }

  @Test
  void dartBoosterAndEmptyValuesForInactiveParametersAreAccepted() throws IOException {
    assertThat(run("--booster", "dart", "--rate-drop", "0.1", "--num-round", "10", "--folds", "2")).isZero();
    out.reset();
    assertThat(run("--booster", "gbtree", "--rate-drop", "", "--num-round", "10", "--folds", "2")).isZero();
    assertThat(outputLines().get(2).get("value")).isLessThan(CONSTANT_PREDICTOR_LOG_LOSS);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--eta abc           | --eta must be a number in (0, 1], got 'abc'",
      "--eta 0             | --eta must be a number in (0, 1]",
      "--max-depth 2.5     | --max-depth must be a whole number",
      "--num-round 0       | --num-round must be a whole number from 1",
      "--folds 1           | --folds must be a whole number from 2 to 20",
      "--booster linear    | --booster must be gbtree or dart",
      "--learning-rate 0.1 | unknown option --learning-rate",
      "--eta               | --eta needs a value",
      "eta 0.1             | expected an option such as --eta",
      "--eta 0.1 --eta 0.2 | --eta is given more than once",
  })
  void badArgumentsExitWithCode2AndOneClearLine(String args, String message) {
    int code = run(args.trim().split(" +"));

    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    String error = err.toString(StandardCharsets.UTF_8);
    assertThat(error).startsWith("train-xgboost: ").contains(message).endsWith(System.lineSeparator());
    assertThat(error.strip().lines()).hasSize(1);
  }
}
