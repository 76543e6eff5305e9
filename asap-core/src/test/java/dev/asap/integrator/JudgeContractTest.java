package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.llm.LlmEngine;
import dev.asap.llm.LlmException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every judge must do, alone or wrapped around another: pick an index into the round's candidates, and hand
 * any judge it delegates to the very same round, model scores included.
 */
class JudgeContractTest {

  /** A judge that records the rounds it is given and picks the last candidate. */
  static final class Recording implements Judge {
    final List<Round> seen = new ArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public Verdict choose(Round round) {
      seen.add(round);
      return new Verdict(round.candidates().size() - 1, "the last one", Map.of());
    }

    @Override
    public Judge fork() {
      return new Recording();
    }
  }

  /** An LLM that never answers, so the LLM judge always falls back. */
  private static final LlmEngine DEAD = new LlmEngine() {
    @Override
    public String name() {
      return "dead";
    }

    @Override
    public dev.asap.llm.LlmAnswer complete(dev.asap.llm.LlmRequest request)
        throws LlmException {
      throw new LlmException(LlmException.Kind.UNREACHABLE, "connection refused");
    }

    @Override
    public void close() {}
  };

  static Stream<Arguments> judges() {
    Function<Judge, Judge> llm = inner -> new LlmJudge(DEAD, inner, new PromptLog("contract", MixedSpaceFixture.SPACE,
        Optimizers.toolNames(), true), Duration.ofSeconds(1), 3);
    Function<Judge, Judge> switching = inner -> new RegimeSwitchingJudge(inner, new BuiltinJudge(4));
    Function<Judge, Judge> builtin = inner -> new BuiltinJudge(5);
    Function<Judge, Judge> random = inner -> new RandomToolJudge(6);
    return Stream.of(Arguments.of("llm with a fallback", llm, true), Arguments.of("regime switch", switching, true),
        Arguments.of("builtin", builtin, false), Arguments.of("random tool", random, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("judges")
  void picksACandidateAndPassesTheWholeRoundOn(String name, Function<Judge, Judge> make, boolean delegates) {
    Recording inner = new Recording();
    Judge judge = make.apply(inner);
    for (int trials : new int[] {0, 3, 12}) {
      Round round = round(trials);

      Verdict v = judge.choose(round);

      assertThat(v.index()).as(name).isBetween(0, round.candidates().size() - 1);
      assertThat(v.reason()).as(name).isNotBlank();
      if (delegates) {
        assertThat(inner.seen).as(name).isNotEmpty();
        assertThat(inner.seen.get(inner.seen.size() - 1)).as(name).isSameAs(round);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("judges")
  void aForkDecidesAsTheOriginalAndIndependentlyOfIt(String name, Function<Judge, Judge> make, boolean delegates) {
    Judge original = make.apply(new Recording());
    original.choose(round(3));
    original.choose(round(5));
    Judge control = original.fork();
    Judge ahead = original.fork();
    // The fork is given a round the original never sees (as under a predicted result).
    ahead.choose(round(8));

    Verdict v = original.choose(round(12));
    Verdict w = control.choose(round(12));

    assertThat(w.index()).as(name).isEqualTo(v.index());
    assertThat(w.reason()).as(name).isEqualTo(v.reason());
    assertThat(control.slowToolsRetired()).isEqualTo(original.slowToolsRetired());
  }

  /** A round after {@code trials} trials, with candidates from three tools and made-up model scores. */
  private static Round round(int trials) {
    Study study = Study.createOrOpen(new InMemoryStore(), "judge", MixedSpaceFixture.SPACE, Direction.MINIMIZE);
    var sobol = Optimizers.create("sobol", MixedSpaceFixture.SPACE, 1);
    for (int i = 0; i < trials; i++) {
      Trial t = study.ask(sobol);
      study.tell(t.number(), MixedSpaceFixture.loss(t.config()));
    }
    History history = study.history();
    List<Proposal> candidates = List.of(sobol.propose(history),
        Optimizers.create("random", MixedSpaceFixture.SPACE, 2).propose(history),
        Optimizers.create("tpe", MixedSpaceFixture.SPACE, 3).propose(history));
    Map<String, double[]> scores = trials == 0 ? Map.of() : Map.of("gp", new double[] {-3, -1, -2},
        "forest", new double[] {-2, -2.5, -1});
    return new Round(history, candidates, scores, trials < 12 ? null : new double[] {0.9, 0.5, 0.7},
        new double[] {0.01, 0.001, 0.02});
  }
}
