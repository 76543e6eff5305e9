package dev.asap.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.integrator.BuiltinJudge;
import dev.asap.integrator.RegimeSwitchingJudge;
import dev.asap.integrator.llm.LlmJudge;
import dev.asap.integrator.llm.PromptLog;
import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.tools.Optimizers;
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

/** The fast-evaluation regime: an LLM judge slower than the evaluations gives way to the built-in judge. */
class RegimeSwitchingJudgeTest {
  private FakeChatServer server;
  private OpenAiCompatibleEngine engine;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeChatServer();
    engine = OpenAiCompatibleEngine.builder(server.baseUrl(), "m").apiKey("").retries(0).build();
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private static String answer() {
    return "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + "\"{\\\"choice\\\": \\\"A\\\", \\\"reason\\\": \\\"ok\\\"}\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3}}";
  }

  private List<Trial> run(Duration judgeDelay, Objective objective, int trials) {
    server.reply(new FakeChatServer.Reply(200, answer(), Map.of(), judgeDelay));
    Study study = Study.createOrOpen(new InMemoryStore(), "r", MixedSpaceFixture.SPACE, Direction.MINIMIZE);
    LlmJudge llm = new LlmJudge(engine, new BuiltinJudge(1), new PromptLog("r", MixedSpaceFixture.SPACE,
        Optimizers.toolNames(), true), Duration.ofSeconds(10), 1);
    RegimeSwitchingJudge judge = new RegimeSwitchingJudge(llm, new BuiltinJudge(1), announced::add);
    RunLoop.builder(study, objective).optimizer(Optimizers.pool(MixedSpaceFixture.SPACE, 1, judge))
        .budget(Budget.trials(trials)).build().run();
    return study.trials();
  }

  private final List<String> announced = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void aJudgeSlowerThanTheEvaluationsIsReplacedAndTheSwitchIsRecorded() {
    List<Trial> trials = run(Duration.ofMillis(150), (c, ctx) -> Evaluation.of(MixedSpaceFixture.loss(c)), 12);
    Trial last = trials.get(trials.size() - 1);
    assertThat(last.attributes().get("reason").toString()).startsWith("fast-evaluation regime, builtin judge");
    assertThat(((Map<?, ?>) last.attributes().get("evidence")).get("regime").toString())
        .contains("switched from the llm judge to the builtin judge").contains("median evaluation");
    assertThat(trials.get(0).attributes().get("reason").toString()).startsWith("LLM chose");
    assertThat(announced).hasSize(1).allMatch(m -> m.startsWith("switched from the llm judge"));
  }

  @Test
  void aJudgeThatIsCheapAgainstTheEvaluationsStays() {
    List<Trial> trials = run(Duration.ZERO, (c, ctx) -> {
      Thread.sleep(400);
      return Evaluation.of(MixedSpaceFixture.loss(c));
    }, 8);
    assertThat(trials).allMatch(t -> t.attributes().get("reason").toString().startsWith("LLM chose"));
    assertThat(announced).isEmpty();
  }
}
