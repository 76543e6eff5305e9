package dev.asap.optimizer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.optimizer.History;
import dev.asap.optimizer.HistoryDriver;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The schema built from a space, the prompt's description of it, and the compression of a long history. */
class LlmProposerPromptTest {
  private static final SearchSpace SPACE = MixedSpaceFixture.SPACE;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSchemaOfAConditionalMixedSpace() throws Exception {
    JsonNode schema = JSON.readTree(ConfigSchema.of(SPACE, true));

    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    JsonNode p = schema.path("properties");
    assertThat(p.properties()).hasSize(10);
    assertThat(p.path("x").toString()).isEqualTo("{\"type\":\"number\",\"minimum\":-5.0,\"maximum\":5.0}");
    assertThat(p.path("lr").toString()).isEqualTo("{\"type\":\"number\",\"minimum\":1.0E-5,\"maximum\":1.0}");
    assertThat(p.path("layers").toString()).isEqualTo("{\"type\":\"integer\",\"minimum\":1,\"maximum\":6}");
    assertThat(p.path("batch").toString()).isEqualTo("{\"enum\":[16,32,64,128]}");
    assertThat(p.path("opt").toString()).isEqualTo("{\"enum\":[\"adam\",\"sgd\",\"rmsprop\"]}");
    assertThat(p.path("nesterov").toString()).isEqualTo("{\"enum\":[true,false]}");
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    assertThat(required).as("conditional parameters are optional")
        .containsExactly("x", "lr", "frac", "layers", "units", "batch", "opt");
  }

  @Test
  void withoutBoundsTheSchemaKeepsTypesAndChoices() throws Exception {
    JsonNode p = JSON.readTree(ConfigSchema.of(SPACE, false)).path("properties");

    assertThat(p.path("x").toString()).isEqualTo("{\"type\":\"number\"}");
    assertThat(p.path("units").toString()).isEqualTo("{\"type\":\"integer\"}");
    assertThat(p.path("batch").toString()).isEqualTo("{\"enum\":[16,32,64,128]}");
  }

  @Test
  void thePromptDescribesEveryKindOfParameterAndCondition() {
    String prompt = new ProposalPrompt("toy", SPACE, LlmProposerSettings.defaults())
        .write(new HistoryDriver(SPACE).history());

    assertThat(prompt).contains(
        "- x: float in [-5, 5]\n",
        "- lr: float in [0.00001, 1], log scale\n",
        "- frac: float in [0, 1], in steps of 0.05\n",
        "- units: integer in [8, 1024], log scale\n",
        "- batch: one of [16,32,64,128] (ordered)\n",
        "- opt: one of [\"adam\",\"sgd\",\"rmsprop\"]\n",
        "- nesterov: one of [true,false]; only when opt is \"sgd\"\n",
        "- dampening: float in [0, 0.5]; only when nesterov is false\n",
        "No trial has completed yet.");
  }

  @Test
  void aFewTrialsAreAllShownBestFirst() {
    HistoryDriver driver = withCompleted(5);

    String prompt = new ProposalPrompt("toy", SPACE, LlmProposerSettings.defaults()).write(driver.history());

    List<String> lines = historyLines(prompt);
    assertThat(lines).hasSize(5);
    assertThat(values(lines)).isSorted();
  }

  @Test
  void aLongHistoryShowsTheBestThenTheMostRecent() {
    HistoryDriver driver = withCompleted(200);
    History history = driver.history();

    String prompt = new ProposalPrompt("toy", SPACE, LlmProposerSettings.defaults().withHistory(40, 20, 1_000_000))
        .write(history);

    assertThat(prompt).contains("200 in total; shown: the 40 best first, then the 20 most recent others:");
    List<String> lines = historyLines(prompt);
    assertThat(lines).hasSize(60);
    double[] shown = values(lines);
    assertThat(Arrays.copyOf(shown, 40)).isSorted();
    double best = history.completed().stream().mapToDouble(history::loss).min().orElseThrow();
    assertThat(shown[0]).isEqualTo(Double.parseDouble(PromptText.number(best)));
    assertThat(lines.get(59)).startsWith(PromptText.config(driver.config(199).values()) + " -> ");
  }

  @Test
  void theCharacterCapBoundsThePromptHoweverLongTheHistory() {
    LlmProposerSettings settings = LlmProposerSettings.defaults().withHistory(40, 20, 2_000);
    ProposalPrompt writer = new ProposalPrompt("toy", SPACE, settings);
    String empty = writer.write(new HistoryDriver(SPACE).history());

    String prompt = writer.write(withCompleted(500).history());

    List<String> lines = historyLines(prompt);
    assertThat(lines.size()).isBetween(5, 59);
    assertThat(String.join("\n", lines).length()).isLessThanOrEqualTo(2_000);
    assertThat(prompt).contains("(" + (60 - lines.size()) + " of those left out to keep the prompt short)");
    assertThat(prompt.length()).isLessThan(empty.length() + 2_000 + 200);
  }

  private static HistoryDriver withCompleted(int n) {
    HistoryDriver driver = new HistoryDriver(SPACE);
    Random random = new Random(n);
    for (int i = 0; i < n; i++) {
      Config c = SPACE.sample(random);
      driver.addForeign(c, MixedSpaceFixture.loss(c));
    }
    return driver;
  }

  private static List<String> historyLines(String prompt) {
    return Arrays.stream(prompt.split("\n")).filter(l -> l.contains(" -> ") && l.startsWith("x=")).toList();
  }

  private static double[] values(List<String> lines) {
    return lines.stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(" -> ") + 4))).toArray();
  }
}
