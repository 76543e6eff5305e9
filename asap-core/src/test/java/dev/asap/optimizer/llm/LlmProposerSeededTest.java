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
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
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

  /** Answers with a config drawn from the request's seed: the same request, the same answer (a seeded server). */
  private static final class SeededEngine implements LlmEngine {
    @Override
    public String name() {
      return "seeded";
    }

    @Override
    public LlmAnswer complete(LlmRequest request) {
      try {
        return new LlmAnswer(new ObjectMapper().writeValueAsString(SPACE.sample(new Random(request.seed())).values()),
            100, null, 30, 0.01);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void aForkSharesTheEngineAndForksTheModel() {
    LlmEngine engine = new SeededEngine();
    Optimizer llm = new LlmProposer(engine, SPACE, "toy", 1, Duration.ofSeconds(5));
    assertThat(llm.fork()).as("a proposer keeps no state between rounds").isSameAs(llm);
    Optimizer seeded = LlmProposer.seeded(llm, Optimizers.create("cmaes", SPACE, 1), 4);
    Optimizer neverForked = LlmProposer.seeded(new LlmProposer(engine, SPACE, "toy", 1, Duration.ofSeconds(5)),
        Optimizers.create("cmaes", SPACE, 1), 4);
    Study study = Study.createOrOpen(new InMemoryStore(), "fork", SPACE, Direction.MINIMIZE);
    Optimizer twin = seeded.fork();
    assertThat(twin).isNotSameAs(seeded);
    var next = seeded.propose(study.history());
    twin.propose(study.history());
    neverForked.propose(study.history());
    for (int i = 0; i < 30; i++) {
      Trial t = study.start(next, seeded.name(), 0, i);
      double y = MixedSpaceFixture.loss(t.config());
      // Forks run ahead on a wrong guess of the running trial's result: the model's state is not theirs to change.
      seeded.fork().propose(study.history().assuming(t.number(), -y));
      study.tell(t.number(), y);
      var history = study.history();
      next = seeded.propose(history);
      assertThat(neverForked.propose(history).config()).as("round %d", i).isEqualTo(next.config());
      assertThat(twin.propose(history).config()).as("round %d", i).isEqualTo(next.config());
    }
  }

  @Test
  void aDiscardReachesTheToolThatProposed() {
    LlmEngine engine = new SeededEngine();
    Optimizer seeded = LlmProposer.seeded(new LlmProposer(engine, SPACE, "toy", 1, Duration.ofSeconds(5)),
        Optimizers.create("de", SPACE, 1), 3);
    Study study = Study.createOrOpen(new InMemoryStore(), "discard", SPACE, Direction.MINIMIZE);
    for (int i = 0; i < 30; i++) {
      var history = study.history();
      var first = seeded.propose(history);
      seeded.discard(first);
      // DE forgets the discarded trial vector and proposes it again; it would move on had it not been told.
      assertThat(seeded.propose(history).config()).as("round %d (%s)", i, first.tool()).isEqualTo(first.config());
      Trial t = study.start(first, seeded.name(), 0, i);
      study.tell(t.number(), MixedSpaceFixture.loss(t.config()));
    }
  }

  @Test
  void aNegativeSeedCountIsRefused() {
    Optimizer random = Optimizers.create("random", SPACE, 1);

    assertThatThrownBy(() -> LlmProposer.seeded(random, random, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
