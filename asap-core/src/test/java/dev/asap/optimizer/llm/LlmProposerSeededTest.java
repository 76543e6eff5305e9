package dev.asap.optimizer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmEngine;
import dev.asap.llm.LlmRequest;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.study.Direction;
import dev.asap.study.Study;
import dev.asap.study.Trial;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LLM proposals seeding a model-based tool: the LLM for the first N trials, the model after. */
class LlmProposerSeededTest {
  private static final SearchSpace SPACE = MixedSpaceFixture.SPACE;

  /** Answers each request with a fresh valid config, as a well-behaved model would. */
  private static final class SamplingEngine implements LlmEngine {
    private final Random random = new Random(9);
    private int calls;

    @Override
    public String name() {
      return "sampling";
    }

    @Override
    public LlmAnswer complete(LlmRequest request) {
      calls++;
      try {
        return new LlmAnswer(new ObjectMapper().writeValueAsString(SPACE.sample(random).values()), 100, null, 30,
            0.01);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void theLlmProposesTheFirstTrialsAndTheModelTheRest() {
    SamplingEngine engine = new SamplingEngine();
    Optimizer llm = new LlmProposer(engine, SPACE, "toy", 1, Duration.ofSeconds(5));
    Optimizer seeded = LlmProposer.seeded(llm, Optimizers.create("gp", SPACE, 1), 5);
    Study study = Study.createOrOpen(new InMemoryStore(), "seeded", SPACE, Direction.MINIMIZE);

    for (int i = 0; i < 8; i++) {
      Trial t = study.ask(seeded);
      study.tell(t.number(), MixedSpaceFixture.loss(t.config()));
    }

    assertThat(seeded.name()).isEqualTo("llm+gp");
    assertThat(seeded.predicts()).isTrue();
    List<Trial> trials = study.trials();
    assertThat(trials).extracting(Trial::tool).containsExactly("llm", "llm", "llm", "llm", "llm", "gp", "gp", "gp");
    assertThat(trials).allSatisfy(t -> assertThat(t.attributes()).containsEntry("optimizer", "llm+gp"));
    assertThat(trials.get(0).attributes()).containsEntry("llm_fallback", false).containsEntry("llm_attempts", 1);
    assertThat(engine.calls).isEqualTo(5);
  }

  @Test
  void aNegativeSeedCountIsRefused() {
    Optimizer random = Optimizers.create("random", SPACE, 1);

    assertThatThrownBy(() -> LlmProposer.seeded(random, random, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
