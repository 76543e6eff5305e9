package dev.asap.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.integrator.BuiltinJudge;
import dev.asap.integrator.llm.LlmJudge;
import dev.asap.llm.LlmRequest;
import dev.asap.integrator.llm.PromptLog;
import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.objective.Evaluation;
import dev.asap.optimizer.History;
import dev.asap.optimizer.llm.LlmProposer;
import dev.asap.optimizer.llm.LlmProposerSettings;
import dev.asap.tools.Optimizers;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM judge over a real study with the embedded engine on the random-weight test model: how much of each
 * round's prompt llama.cpp serves from its KV cache. The model's choices are noise; the prompt's structure
 * (fixed head, append-only history, candidates last) is what is measured, with the LLM proposer in the pool
 * asking the same engine between two judge prompts: each family keeps its own KV slot. (With a single slot
 * the proposer's prompt evicts the judge's and round 2 reuses 2 tokens.)
 */
class LlmJudgeKvReuseTest {
  @TempDir
  Path dir;

  /** Tokens of the rendered head + history for the given finished trials, as the engine would see them. */
  private static int prefixTokens(LlamaEngine engine, SearchSpace space, List<Trial> finished) {
    PromptLog log = new PromptLog("kv reuse", space, Optimizers.toolNames(), true);
    log.update(new History(space, Direction.MINIMIZE, finished));
    return engine.tokenize(engine.prompt(List.of(LlmRequest.ChatMessage.system(PromptLog.instructions()),
        LlmRequest.ChatMessage.user(log.prefix())))).length;
  }

  @Test
  void fromRoundTwoOnEachPromptReusesThePreviousPromptsPrefixThoughTheLlmProposerAsksInBetween() throws Exception {
    SearchSpace space = SearchSpace.builder()
        .add(FloatParameter.log("lr", 1e-4, 1))
        .add(IntParameter.of("layers", 1, 6))
        .add(CategoricalParameter.of("opt", "adam", "sgd"))
        .add(FloatParameter.of("momentum", 0, 1))
        .when("momentum", "opt", "sgd")
        .build();
    Path model = TinyLlamaModel.write(dir.resolve("tiny.gguf"), 7);
    try (LlamaEngine engine = new LlamaEngine(model)) {
      Study study = Study.createOrOpen(new InMemoryStore(), "kv", space, Direction.MINIMIZE);
      LlmJudge judge = new LlmJudge(engine, new BuiltinJudge(1), new PromptLog("kv reuse", space,
          Optimizers.toolNames(), true), Duration.ofSeconds(60), 1);
      RunLoop.builder(study, (c, ctx) -> Evaluation.of(Math.abs(Math.log10(c.getDouble("lr")) + 2)
              + c.getLong("layers") * 0.1))
          .optimizer(Optimizers.pool(space, 1, judge, List.of(new LlmProposer(engine, space, "kv reuse", 1,
              Duration.ofSeconds(60), LlmProposerSettings.defaults().withBoundsInSchema(false).withMaxTokens(64)))))
          .budget(Budget.trials(15)).build().run();

      List<Trial> trials = study.trials();
      StringBuilder table = new StringBuilder("round  prompt tokens  cached  previous prefix  reused\n");
      for (int i = 2; i < trials.size(); i++) {
        Map<?, ?> evidence = (Map<?, ?>) trials.get(i).attributes().get("evidence");
        int prompt = ((Number) evidence.get("prompt_tokens")).intValue();
        int cached = ((Number) evidence.get("cached_prompt_tokens")).intValue();
        int previousPrefix = prefixTokens(engine, space, trials.subList(0, i - 1));
        double reused = (double) cached / previousPrefix;
        table.append(String.format("%5d  %13d  %6d  %15d  %5.1f%%%n", i, prompt, cached, previousPrefix,
            100 * reused));
        // One worker: round i saw trials 0..i-1, so round i-1's prefix (head + history) must be reused whole.
        assertThat(reused).as("round %d", i).isGreaterThanOrEqualTo(0.95);
      }
      System.out.print(table);
    }
  }
}
