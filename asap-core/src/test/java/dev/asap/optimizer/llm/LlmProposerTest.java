package dev.asap.optimizer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.llm.openai.FakeChatServer;
import dev.asap.llm.openai.OpenAiCompatibleEngine;
import dev.asap.optimizer.History;
import dev.asap.optimizer.HistoryDriver;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.random.RandomSearch;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proposer end to end over the real HTTP client, with a scripted local server standing in for the model. */
class LlmProposerTest {
  private static final SearchSpace SPACE = MixedSpaceFixture.SPACE;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = "{\"x\": 1.3, \"lr\": 0.001, \"frac\": 0.35, \"layers\": 3, \"units\": 128, "
      + "\"batch\": 64, \"opt\": \"adam\"}";
  private static final String X_OUT_OF_BOUNDS = VALID.replace("\"x\": 1.3", "\"x\": 7.5");

  private FakeChatServer server;
  private OpenAiCompatibleEngine engine;
  private HistoryDriver driver;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeChatServer();
    engine = OpenAiCompatibleEngine.builder(server.baseUrl(), "proposer-model").apiKey("").retries(0).build();
    driver = new HistoryDriver(SPACE);
    Random random = new Random(5);
    for (int i = 0; i < 6; i++) {
      Config c = SPACE.sample(random);
      driver.addForeign(c, MixedSpaceFixture.loss(c));
    }
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private LlmProposer proposer(Duration timeout) {
    return new LlmProposer(engine, SPACE, "a small neural network on a toy task", 11, timeout);
  }

  private Proposal propose() {
    return proposer(Duration.ofSeconds(10)).propose(driver.history());
  }

  @Test
  void aValidAnswerBecomesTheProposal() {
    server.answer(VALID);

    Proposal p = propose();

    assertThat(p.tool()).isEqualTo("llm");
    Config c = p.config();
    assertThat(c.values()).containsOnlyKeys("x", "lr", "frac", "layers", "units", "batch", "opt");
    assertThat(c.getDouble("x")).isEqualTo(1.3);
    assertThat(c.get("layers")).isEqualTo(3L);
    assertThat(c.get("batch")).isEqualTo(64L);
    assertThat(c.getDouble("frac")).isCloseTo(0.35, within(1e-12));
    assertThat(p.notes()).containsEntry("llm_attempts", 1).containsEntry("llm_fallback", false)
        .containsEntry("llm_rejections", List.of()).containsEntry("llm_prompt_tokens", 100)
        .containsEntry("llm_completion_tokens", 10).containsEntry("llm_engine", "openai:proposer-model")
        .containsKey("llm_seconds");
    JsonNode body = server.received().get(0).body();
    assertThat(body.path("messages")).hasSize(1);
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/response_format/json_schema/schema/properties/x/maximum").asDouble()).isEqualTo(5.0);
    String prompt = server.prompt(0);
    assertThat(prompt).contains("a small neural network on a toy task").contains("lower is better")
        .contains("- lr: float in [0.00001, 1], log scale")
        .contains("- momentum: float in [0, 1]; only when opt is one of [\"sgd\",\"rmsprop\"]")
        .contains("6 in total; shown: all of them, best first")
        .endsWith("leave out parameters whose condition does not hold.");
  }

  @Test
  void proseFencesAndLooseTypesAreTolerated() {
    server.answer("Here is my proposal:\n```json\n{\"x\": \"-2\", \"lr\": 0.01, \"frac\": 0.37, \"layers\": 4.0, "
        + "\"units\": 64, \"batch\": \"32\", \"opt\": \"sgd\", \"momentum\": 0.9, \"nesterov\": \"true\"}\n```\n"
        + "It explores momentum.");

    Proposal p = propose();

    assertThat(p.notes()).containsEntry("llm_fallback", false);
    assertThat(p.config().values()).containsEntry("x", -2.0).containsEntry("layers", 4L)
        .containsEntry("batch", 32L).containsEntry("nesterov", true);
    assertThat(p.config().getDouble("frac")).as("moved onto the 0.05 grid").isCloseTo(0.35, within(1e-12));
  }

  @Test
  void anOutOfBoundsAnswerIsRejectedAndTheReasonIsSentBack() {
    server.answer(X_OUT_OF_BOUNDS).answer(VALID);

    Proposal p = propose();

    assertThat(p.config().getDouble("x")).isEqualTo(1.3);
    assertThat(p.notes()).containsEntry("llm_attempts", 2).containsEntry("llm_fallback", false)
        .containsEntry("llm_rejections", List.of("parameter 'x' must lie in [-5.0, 5.0], got 7.5"));
    assertThat(server.prompt(1)).startsWith(server.prompt(0))
        .contains("Your last answer {\"x\": 7.5, \"lr\": 0.001")
        .contains("was rejected because parameter 'x' must lie in [-5.0, 5.0], got 7.5.");
  }

  @Test
  void anUnknownParameterIsRejectedWithTheParametersThereAre() {
    server.answer(VALID.replace("}", ", \"dropout\": 0.1}")).answer(VALID);

    Proposal p = propose();

    assertThat(rejections(p)).singleElement().asString()
        .isEqualTo("the space has no parameter dropout; its parameters are x, lr, frac, layers, units, batch, opt,"
            + " momentum, nesterov, dampening");
    assertThat(server.prompt(1)).contains("was rejected because the space has no parameter dropout");
  }

  @Test
  void anInactiveParameterIsIgnoredButAChildWithoutItsParentIsRejected() {
    String momentumWithoutOpt = VALID.replace(", \"opt\": \"adam\"", ", \"momentum\": 0.5");
    server.answer(momentumWithoutOpt).answer(VALID.replace("}", ", \"momentum\": 0.5, \"dampening\": 0.1}"));

    Proposal p = propose();

    assertThat(rejections(p)).containsExactly("it gives no value for the active parameter opt");
    assertThat(server.prompt(1)).contains("was rejected because it gives no value for the active parameter opt.");
    assertThat(p.config().getString("opt")).isEqualTo("adam");
    assertThat(p.config().has("momentum")).isFalse();
    assertThat(p.notes()).containsEntry("llm_ignored", List.of("momentum", "dampening"));
  }

  @Test
  void aRepeatOfAnEvaluatedOrPendingConfigIsRejectedWithTheTrial() throws Exception {
    int running = driver.ask(new RandomSearch(3));
    Config evaluated = driver.config(2);
    server.answer(JSON.writeValueAsString(evaluated.values()))
        .answer(JSON.writeValueAsString(driver.config(running).values())).answer(VALID);

    Proposal p = propose();

    assertThat(rejections(p)).hasSize(2);
    assertThat(rejections(p).get(0)).startsWith("it repeats trial #2 (already evaluated to ");
    assertThat(rejections(p).get(1)).isEqualTo("it repeats trial #6 (being evaluated now); propose a configuration"
        + " not tried yet");
    assertThat(server.prompt(0)).contains("Being evaluated now (do not repeat these):\n"
        + PromptText.config(driver.config(running).values()));
    assertThat(server.prompt(2)).contains("An earlier answer").contains("Your last answer");
    assertThat(p.config().getDouble("x")).isEqualTo(1.3);
  }

  @Test
  void whenEveryAttemptIsBadASeededUnseenRandomConfigIsProposed() {
    server.answer(X_OUT_OF_BOUNDS);
    History history = driver.history();

    Proposal p = proposer(Duration.ofSeconds(10)).propose(history);

    assertThat(p.notes()).containsEntry("llm_attempts", 3).containsEntry("llm_fallback", true);
    assertThat(rejections(p)).hasSize(3).allMatch(r -> r.contains("'x' must lie in"));
    assertThat(server.received()).hasSize(3);
    assertThat(SPACE.config(p.config().values())).isEqualTo(p.config());
    assertThat(history.contains(p.config())).isFalse();
    assertThat(proposer(Duration.ofSeconds(10)).propose(history).config()).as("seeded").isEqualTo(p.config());
  }

  @Test
  void aTimeOutFallsBackAtOnceWithoutThrowing() {
    server.answer(VALID, Duration.ofSeconds(30));

    Proposal p = proposer(Duration.ofMillis(300)).propose(driver.history());

    assertThat(p.notes()).containsEntry("llm_fallback", true).containsEntry("llm_attempts", 1);
    assertThat(rejections(p)).singleElement().asString().startsWith("engine timeout: ");
    assertThat(driver.history().contains(p.config())).isFalse();
  }

  @Test
  void anUnreachableServerFallsBackWithTheReason() {
    String url = server.baseUrl();
    server.close();
    try (OpenAiCompatibleEngine gone = OpenAiCompatibleEngine.builder(url, "m").apiKey("").retries(0).build()) {
      Proposal p = new LlmProposer(gone, SPACE, "t", 1, Duration.ofSeconds(5)).propose(driver.history());

      assertThat(p.notes()).containsEntry("llm_fallback", true).containsEntry("llm_attempts", 1);
      assertThat(rejections(p)).singleElement().asString().startsWith("engine unreachable: ");
    }
  }

  @Test
  void unreadableAnswersAreRetriedUpToTheLimit() {
    server.answer("I would rather not say.").answer("{\"x\": 1.3, \"lr\": 0.00");

    Proposal p = new LlmProposer(engine, SPACE, "t", 1, Duration.ofSeconds(10),
        LlmProposerSettings.defaults().withRetries(1)).propose(driver.history());

    assertThat(p.notes()).containsEntry("llm_attempts", 2).containsEntry("llm_fallback", true)
        .containsEntry("llm_rejections", List.of("it holds no JSON object",
            "its JSON object is not closed (it may have been cut off); answer with a shorter object"));
    assertThat(server.received().get(0).body().path("seed").asLong())
        .as("each attempt is sampled with its own seed").isNotEqualTo(server.received().get(1).body().path("seed").asLong());
  }

  @SuppressWarnings("unchecked")
  private static List<String> rejections(Proposal p) {
    return (List<String>) p.notes().get("llm_rejections");
  }
}
