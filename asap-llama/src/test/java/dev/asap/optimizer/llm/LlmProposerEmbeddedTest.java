package dev.asap.optimizer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.llm.embedded.LlamaEngine;
import dev.asap.llm.embedded.LlamaOptions;
import dev.asap.llm.embedded.TinyLlamaModel;
import dev.asap.optimizer.Optimizer;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proposer on the real embedded llama.cpp engine, running the random-weight model the engine's own tests
 * write at test time. A random model proves the system path — prompt, chat template, the grammar made from the
 * config schema, validation, retries with reasons, fallback and notes — not the judgement of its proposals.
 */
class LlmProposerEmbeddedTest {
  private static final int CONTEXT = 2048;
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @TempDir
  static Path dir;

  private static LlamaEngine engine;

  @BeforeAll
  static void loadTheTinyModel() throws Exception {
    engine = new LlamaEngine(writeTinyModel(dir.resolve("tiny-llama.gguf")),
        LlamaOptions.defaults().withContextSize(CONTEXT).withThreads(1));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void fiveProposalsInARowAreValidAndRecordTheirAttempts() {
    SearchSpace space = SearchSpace.builder()
        .add(FloatParameter.log("lr", 1e-4, 0.1))
        .add(IntParameter.of("layers", 1, 4))
        .add(CategoricalParameter.of("opt", "adam", "sgd"))
        .add(FloatParameter.of("momentum", 0, 1))
        .when("momentum", "opt", "sgd")
        .build();
    // The embedded grammar takes no bounds on numbers: the prompt states them and validation enforces them.
    LlmProposerSettings settings = LlmProposerSettings.defaults().withBoundsInSchema(false)
        .withHistory(10, 5, 600).withMaxTokens(96);

    List<Trial> trials = run(space, settings, 5);

    assertThat(trials).hasSize(5);
    Set<Object> configs = new HashSet<>();
    for (Trial t : trials) {
      assertThat(space.config(t.config().values())).as("trial %d", t.number()).isEqualTo(t.config());
      assertThat(configs.add(t.config())).as("trial %d is new", t.number()).isTrue();
      assertNotes(t.attributes(), 3);
    }
  }

  @Test
  void underAGrammarThatHoldsTheWholeSpaceTheModelsAnswersAreUsed() {
    SearchSpace space = SearchSpace.builder()
        .add(IntParameter.of("layers", 1, 6))
        .add(OrdinalParameter.of("batch", 16L, 32L, 64L, 128L))
        .add(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"))
        .add(CategoricalParameter.of("nesterov", true, false))
        .when("nesterov", "opt", "sgd")
        .build();
    LlmProposerSettings settings = LlmProposerSettings.defaults().withHistory(10, 5, 600).withMaxTokens(96);

    List<Trial> trials = run(space, settings, 5);

    for (Trial t : trials) {
      assertThat(space.config(t.config().values())).isEqualTo(t.config());
      assertNotes(t.attributes(), 3);
    }
    assertThat(trials).as("every answer fits the schema, so only a repeat could be rejected")
        .anySatisfy(t -> assertThat(t.attributes()).containsEntry("llm_fallback", false));
  }

  private static List<Trial> run(SearchSpace space, LlmProposerSettings settings, int n) {
    Optimizer proposer = new LlmProposer(engine, space, "a toy objective", 3, GENEROUS, settings);
    Study study = Study.createOrOpen(new InMemoryStore(), "embedded", space, Direction.MINIMIZE);
    for (int i = 0; i < n; i++) {
      Trial t = study.ask(proposer);
      study.tell(t.number(), t.config().values().toString().length() % 7);
    }
    return study.trials();
  }

  private static void assertNotes(Map<String, Object> notes, int maxAttempts) {
    assertThat(notes).containsKeys("llm_attempts", "llm_rejections", "llm_fallback", "llm_prompt_tokens",
        "llm_completion_tokens", "llm_seconds").containsEntry("llm_engine", "llama.cpp:tiny-llama.gguf");
    int attempts = ((Number) notes.get("llm_attempts")).intValue();
    List<?> rejections = (List<?>) notes.get("llm_rejections");
    boolean fallback = (Boolean) notes.get("llm_fallback");
    assertThat(attempts).isBetween(1, maxAttempts);
    assertThat(rejections).hasSize(fallback ? attempts : attempts - 1);
    if (!fallback) {
      assertThat(((Number) notes.get("llm_prompt_tokens")).intValue()).isPositive();
    }
  }

  private static Path writeTinyModel(Path file) throws Exception {
    return TinyLlamaModel.write(file, 20240611L);
  }
}
