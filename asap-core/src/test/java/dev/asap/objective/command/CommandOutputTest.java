package dev.asap.objective.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The output protocol without processes: {@link MetricLineParser} and {@link CommandOutput}. */
class CommandOutputTest {
  private final MetricLineParser parser = new MetricLineParser();

  @ParameterizedTest
  @ValueSource(strings = {"1", "-2.5e-3", "+.5", "3.", " 0.25 ", "1E10"})
  void bareNumbersAreMetrics(String line) {
    assertThat(parser.parse(line)).isEqualTo(new OutputLine.Metric(Double.parseDouble(line.strip()), null,
        Map.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1d", "0x10", "1,5", "1 2", "epoch 1", "", "NaNa", "infinite", "{\"value\": 1} x",
      "[1]", "{\"value\": \"1\"}", "{\"step\": 1.5, \"value\": 1}", "{\"step\": \"1\", \"value\": 1}",
      "{\"step\": 1}", "{broken"})
  void otherLinesAreLogs(String line) {
    assertThat(parser.parse(line)).isEqualTo(OutputLine.Log.INSTANCE);
  }

  @Test
  void nanAndInfinitiesAreRecognisedAsPythonPrintsThem() {
    assertThat(((OutputLine.Metric) parser.parse("nan")).value()).isNaN();
    assertThat(((OutputLine.Metric) parser.parse("-inf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(((OutputLine.Metric) parser.parse("Infinity")).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(((OutputLine.Metric) parser.parse("{\"value\": NaN}")).value()).isNaN();
  }

  @Test
  void stepLinesAreIntermediateValues() {
    assertThat(parser.parse("{\"step\": 3, \"value\": 0.5, \"extra\": 1}")).isEqualTo(new OutputLine.Step(3, 0.5));
    assertThat(parser.parse("{\"value\": 0.5, \"step\": 4.0}")).isEqualTo(new OutputLine.Step(4, 0.5));
  }

  @Test
  void metricObjectsKeepNumberAndStringFieldsAsAttributes() {
    OutputLine.Metric m = (OutputLine.Metric) parser.parse(
        "{\"value\": 1, \"cost\": 2, \"n\": 3, \"x\": 0.5, \"s\": \"t\", \"b\": true, \"o\": {}, \"z\": null,"
            + " \"bad\": NaN}");

    assertThat(m.value()).isEqualTo(1.0);
    assertThat(m.cost().doubleValue()).isEqualTo(2.0);
    assertThat(m.attributes()).isEqualTo(Map.of("user", Map.of("n", 3L, "x", 0.5, "s", "t", "bad", "NaN")));
  }

  @Test
  void userFieldsNamedLikeSystemAttributesStayInTheirOwnMap() {
    OutputLine.Metric m = (OutputLine.Metric) parser.parse(
        "{\"value\": 1, \"optimizer\": \"mine\", \"judge\": \"me\", \"reason\": \"because\"}");

    assertThat(m.attributes()).isEqualTo(Map.of("user", Map.of("optimizer", "mine", "judge", "me", "reason",
        "because")));
  }

  @Test
  void theOutputReportsFiniteStepsAndKeepsTheLastMetric() throws Exception {
    List<String> reports = new ArrayList<>();
    CommandOutput output = new CommandOutput(recorder(reports));
    for (String line : List.of("{\"step\": 1, \"value\": 2}", "0.5", "{\"step\": 2, \"value\": NaN}",
        "{\"value\": 0.25, \"cost\": 3}", "{\"step\": 3, \"value\": 1}", "bye")) {
      output.accept(line);
    }

    Evaluation e = output.evaluation();

    assertThat(reports).containsExactly("1=2.0", "3=1.0");
    assertThat(e).isEqualTo(new Evaluation(0.25, 3.0, Map.of()));
  }

  @Test
  void withoutAMetricTheReasonSaysWhatWasSeen() {
    CommandOutput output = new CommandOutput(TrialContext.DETACHED);
    output.accept("x".repeat(500));
    output.accept("");

    assertThatThrownBy(output::evaluation)
        .isInstanceOf(TrialFailedException.class)
        .hasMessage("no metric: print a number or {\"value\": v} as the last line of stdout;"
            + " the last line of stdout was: " + "x".repeat(200) + "...");
  }

  @Test
  void aTruncatedLineIsNeverAMetric() {
    assertThat(parser.parse("12345" + LineReader.TRUNCATED)).isEqualTo(OutputLine.Log.INSTANCE);
  }

  private static TrialContext recorder(List<String> reports) {
    return new TrialContext() {
      @Override
      public int trialNumber() {
        return 0;
      }

      @Override
      public void report(long step, double value) {
        reports.add(step + "=" + value);
      }
    };
  }
}
