package dev.asap.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.asap.tools.Optimizers;

/**
 * What every registered tool must do: valid configs that honour conditions, reproducibility under a seed,
 * no repeats of evaluated or pending configs, predictions where the tool claims a model, and no crash on
 * awkward histories (all failed, maximising, a single parameter, only categorical parameters).
 */
class OptimizerContractTest {

  static final SearchSpace MIXED = MixedSpaceFixture.SPACE;

  static Stream<String> tools() {
    return Optimizers.names().stream();
  }

  static double mixedLoss(Config c) {
    return MixedSpaceFixture.loss(c);
  }

  private static List<Trial> run(String tool, SearchSpace space, Direction direction, long seed, int n,
      ToDoubleFunction<Config> objective) {
    Study study = Study.createOrOpen(new InMemoryStore(), "contract", space, direction);
    Optimizer o = Optimizers.create(tool, space, seed);
    for (int i = 0; i < n; i++) {
      Trial t = study.ask(o);
      study.tell(t.number(), objective.applyAsDouble(t.config()));
    }
    return study.trials();
  }

  @ParameterizedTest
  @MethodSource("tools")
  void proposesOnlyValidConfigsThatHonourConditions(String tool) {
    for (Trial t : run(tool, MIXED, Direction.MINIMIZE, 1, 40, OptimizerContractTest::mixedLoss)) {
      Config c = t.config();
      assertThat(MIXED.config(c.values())).as("trial %d of %s", t.number(), tool).isEqualTo(c);
      boolean sgdLike = !c.getString("opt").equals("adam");
      assertThat(c.has("momentum")).isEqualTo(sgdLike);
      assertThat(c.has("nesterov")).isEqualTo(c.getString("opt").equals("sgd"));
      assertThat(c.has("dampening")).isEqualTo(c.has("nesterov") && c.get("nesterov").equals(false));
      assertThat(t.attributes()).containsEntry("optimizer", tool);
      if (!Optimizers.toolNames().contains(tool)) {
        assertThat(Optimizers.toolNames()).as("a pool records the tool it chose").contains(t.tool());
        assertThat(t.attributes()).containsKeys("judge", "reason");
      } else {
        assertThat(t.tool()).isEqualTo(tool);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tools")
  void isReproducibleUnderASeed(String tool) {
    List<Config> a = configs(run(tool, MIXED, Direction.MINIMIZE, 42, 25, OptimizerContractTest::mixedLoss));
    List<Config> b = configs(run(tool, MIXED, Direction.MINIMIZE, 42, 25, OptimizerContractTest::mixedLoss));
    List<Config> c = configs(run(tool, MIXED, Direction.MINIMIZE, 43, 25, OptimizerContractTest::mixedLoss));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @ParameterizedTest
  @MethodSource("tools")
  void neverRepeatsAnEvaluatedConfig(String tool) {
    // 7 x 3 x 4 = 84 configs; 40 trials must all differ even though the optimum pulls them together.
    SearchSpace small = SearchSpace.of(IntParameter.of("a", 0, 6), CategoricalParameter.of("b", "x", "y", "z"),
        OrdinalParameter.of("c", 1L, 2L, 4L, 8L));
    List<Trial> trials = run(tool, small, Direction.MINIMIZE, 5, 40,
        c -> Math.abs(c.getLong("a") - 3) + (c.getString("b").equals("y") ? 0 : 1) + Math.abs(c.getLong("c") - 4));
    assertThat(new HashSet<>(configs(trials))).hasSize(40);
  }

  @ParameterizedTest
  @MethodSource("tools")
  void forgetsADiscardedProposalAndProposesItAgain(String tool) {
    Study study = Study.createOrOpen(new InMemoryStore(), "discard", MIXED, Direction.MINIMIZE);
    Optimizer o = Optimizers.create(tool, MIXED, 11);
    for (int i = 0; i < 30; i++) {
      History history = study.history();
      Proposal first = o.propose(history);
      // Discarded many times over, as a pool discards a tool's proposal round after round: nothing piles up.
      for (int k = 0; k < 3; k++) {
        o.discard(first);
        Proposal again = o.propose(history);
        assertThat(again.config()).as("%s at trial %d, discard %d: %s then %s", tool, i, k, first.tool(), again.tool())
            .isEqualTo(first.config());
      }
      Trial t = study.start(first, tool, 0, i);
      study.tell(t.number(), mixedLoss(t.config()));
    }
  }

  @ParameterizedTest
  @MethodSource("tools")
  void aForkToldTheSameEventsProposesExactlyWhatTheOriginalDoes(String tool) {
    Study study = Study.createOrOpen(new InMemoryStore(), "fork", MIXED, Direction.MINIMIZE);
    Optimizer original = Optimizers.create(tool, MIXED, 17);
    Optimizer twin = null;
    for (int i = 0; i < 30; i++) {
      if (i == 2 || i == 11 || i == 23) {
        twin = original.fork(); // in the initial design, just after it, and with models well fitted
      }
      History history = study.history();
      Proposal p = original.propose(history);
      if (twin != null) {
        Proposal q = twin.propose(history);
        assertThat(q.config()).as("%s fork at trial %d", tool, i).isEqualTo(p.config());
        if (i % 3 == 0) {
          // Not chosen, as a pool's loser: both forget it, both propose the same again.
          original.discard(p);
          twin.discard(q);
          p = original.propose(history);
          assertThat(twin.propose(history).config()).as("%s fork after a discard at %d", tool, i)
              .isEqualTo(p.config());
        }
      }
      Trial t = study.start(p, tool, 0, i);
      study.tell(t.number(), mixedLoss(t.config()));
    }
  }

  @ParameterizedTest
  @MethodSource("tools")
  void aForkProposingAheadUnderAPredictionLeavesTheOriginalUntouched(String tool) {
    // As speculation does: while trial t runs, forks propose as if t had returned a predicted value.
    Study study = Study.createOrOpen(new InMemoryStore(), "ahead", MIXED, Direction.MINIMIZE);
    Optimizer original = Optimizers.create(tool, MIXED, 19);
    Proposal next = original.propose(study.history());
    for (int i = 0; i < 25; i++) {
      Trial t = study.start(next, tool, 0, i);
      double y = mixedLoss(t.config());
      Optimizer control = original.fork();
      Proposal wrongGuess = original.fork().propose(study.history().assuming(t.number(), 2 * y + 1));
      Proposal rightGuess = original.fork().propose(study.history().assuming(t.number(), y));
      study.tell(t.number(), y);
      History truth = study.history();
      next = original.propose(truth);
      assertThat(control.propose(truth).config()).as("%s at trial %d, after a fork ran ahead", tool, i)
          .isEqualTo(next.config());
      // The prediction was exact: the prepared proposal is the one the real state makes.
      assertThat(rightGuess.config()).as("%s at trial %d, exact prediction", tool, i).isEqualTo(next.config());
      assertThat(wrongGuess.config()).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("tools")
  void givesPendingWorkersDistinctConfigs(String tool) {
    Study study = Study.createOrOpen(new InMemoryStore(), "pending", MIXED, Direction.MINIMIZE);
    Optimizer o = Optimizers.create(tool, MIXED, 9);
    for (int i = 0; i < 20; i++) {
      Trial t = study.ask(o);
      study.tell(t.number(), mixedLoss(t.config()));
    }
    // Four workers ask before any of them reports.
    Set<Config> pending = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      pending.add(study.ask(o).config());
    }
    assertThat(pending).hasSize(4);
    Set<Config> evaluated = new HashSet<>(configs(study.trials().subList(0, 20)));
    assertThat(pending).doesNotContainAnyElementsOf(evaluated);
  }

  @ParameterizedTest
  @MethodSource("tools")
  void attachesPredictionsWhenItClaimsAModel(String tool) {
    Optimizer probe = Optimizers.create(tool, MIXED, 3);
    List<Trial> trials = run(tool, MIXED, Direction.MINIMIZE, 3, 30, OptimizerContractTest::mixedLoss);
    Study study = Study.createOrOpen(new InMemoryStore(), "prediction", MIXED, Direction.MINIMIZE);
    for (Trial t : trials) {
      Trial copy = study.enqueue(t.config());
      study.tell(copy.number(), t.value());
    }
    Proposal p = probe.propose(study.history());
    if (probe.predicts()) {
      assertThat(p.prediction()).as("%s claims a model", tool).isNotNull();
    } else if (Optimizers.toolNames().contains(tool)) {
      // A pool passes on the prediction of whichever tool it chose; a single tool must declare its model.
      assertThat(p.prediction()).isNull();
    }
    if (p.prediction() != null) {
      assertThat(p.prediction().mean()).isFinite();
      assertThat(p.prediction().spread()).isFinite().isGreaterThanOrEqualTo(0);
    }
  }

  @ParameterizedTest
  @MethodSource("tools")
  void copesWithAwkwardHistoriesAndSpaces(String tool) {
    // Every trial failing: there is nothing to model, yet proposals must keep coming.
    Study failing = Study.createOrOpen(new InMemoryStore(), "failing", MIXED, Direction.MINIMIZE);
    Optimizer o = Optimizers.create(tool, MIXED, 1);
    for (int i = 0; i < 15; i++) {
      Trial t = failing.ask(o);
      failing.fail(t.number(), "crashed");
    }
    assertThat(failing.trials()).hasSize(15);
    // Maximising, one float parameter, only categorical parameters.
    run(tool, SearchSpace.of(FloatParameter.of("x", 0, 1)), Direction.MAXIMIZE, 2, 25, c -> -Math.abs(c.getDouble("x") - 0.3));
    List<Trial> cats = run(tool, SearchSpace.of(CategoricalParameter.of("a", "p", "q", "r", "s"),
        CategoricalParameter.of("b", "u", "v", "w")), Direction.MINIMIZE, 2, 12,
        c -> (c.getString("a").equals("q") ? 0 : 1) + (c.getString("b").equals("w") ? 0 : 1));
    assertThat(new HashSet<>(configs(cats))).hasSize(12);
    // Identical values everywhere (a flat objective) must not break a model.
    run(tool, MIXED, Direction.MINIMIZE, 4, 25, c -> 1.0);
  }

  private static List<Config> configs(List<Trial> trials) {
    List<Config> out = new ArrayList<>();
    trials.forEach(t -> out.add(t.config()));
    return out;
  }
}
