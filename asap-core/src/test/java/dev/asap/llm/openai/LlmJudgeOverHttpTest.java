package dev.asap.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.integrator.BuiltinJudge;
import dev.asap.integrator.Round;
import dev.asap.integrator.Verdict;
import dev.asap.integrator.llm.LlmJudge;
import dev.asap.integrator.llm.PromptLog;
import dev.asap.optimizer.History;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM judge end to end over the real HTTP client; a local scripted server stands in for the model. */
class LlmJudgeOverHttpTest {
  private FakeChatServer server;
  private OpenAiCompatibleEngine engine;
  private History history;
  private List<Proposal> candidates;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeChatServer();
    engine = OpenAiCompatibleEngine.builder(server.baseUrl(), "judge-model").apiKey("").retries(0).build();
    Study study = Study.createOrOpen(new InMemoryStore(), "s", MixedSpaceFixture.SPACE, Direction.MINIMIZE);
    var sobol = Optimizers.create("sobol", MixedSpaceFixture.SPACE, 1);
    for (int i = 0; i < 6; i++) {
      Trial t = study.ask(sobol);
      study.tell(t.number(), MixedSpaceFixture.loss(t.config()));
    }
    history = study.history();
    candidates = List.of(sobol.propose(history), Optimizers.create("random", MixedSpaceFixture.SPACE, 2)
        .propose(history), Optimizers.create("tpe", MixedSpaceFixture.SPACE, 3).propose(history));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private LlmJudge judge(Duration timeout) {
    return new LlmJudge(engine, new BuiltinJudge(1), new PromptLog("test", MixedSpaceFixture.SPACE,
        Optimizers.toolNames(), true), timeout, 7);
  }

  private static String completion(String content) {
    return "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(content) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":420,\"completion_tokens\":9,\"prompt_tokens_details\":{\"cached_tokens\":400}}}";
  }

  @Test
  void followsAValidAnswerAndRecordsTokensAndTheSchema() {
    server.reply(200, completion("{\"choice\": \"B\", \"reason\": \"random explores an empty corner\"}"));
    Verdict v = judge(Duration.ofSeconds(10)).choose(Round.of(history, candidates));
    assertThat(v.index()).isEqualTo(1);
    assertThat(v.reason()).startsWith("LLM chose B (random)").contains("empty corner");
    assertThat(v.evidence()).containsEntry("prompt_tokens", 420).containsEntry("cached_prompt_tokens", 400);
    var body = server.received().get(0).body();
    assertThat(body.at("/response_format/json_schema/schema/properties/choice/enum").toString())
        .isEqualTo("[\"A\",\"B\",\"C\"]");
    String prompt = body.at("/messages/1/content").asText();
    assertThat(prompt).contains("#5 sobol").contains("C: tool=tpe").endsWith("Answer with JSON only.");
  }

  @Test
  void garbageFallsBackToTheBuiltinJudgeAndSaysWhy() {
    server.reply(200, completion("{\"choice\": \"Z\", \"reason\": \"hallucinated\"}"));
    Verdict v = judge(Duration.ofSeconds(10)).choose(Round.of(history, candidates));
    assertThat(v.index()).isBetween(0, 2);
    assertThat(v.reason()).startsWith("LLM judge failed (malformed").contains("'Z'").contains("builtin judge:");
    assertThat(v.evidence()).containsEntry("llm_failure", "malformed");
  }

  @Test
  void aSlowServerTimesOutAndTheRoundStillGetsAChoice() {
    server.reply(new FakeChatServer.Reply(200, completion("{\"choice\": \"A\", \"reason\": \"late\"}"), Map.of(),
        Duration.ofSeconds(30)));
    Verdict v = judge(Duration.ofMillis(300)).choose(Round.of(history, candidates));
    assertThat(v.evidence()).containsEntry("llm_failure", "timeout");
    assertThat(v.reason()).contains("builtin judge:");
  }
}
