package dev.asap.optimizer;

import dev.asap.optimizer.feasibility.ConstraintGuard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import dev.asap.tools.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forks of the single tools under harder conditions than the contract suite: several trials pending at once and
 * finishing out of order, failures, discards, a declared constraint (so the tool sits behind a
 * {@link ConstraintGuard}), and a fork that lives a whole different study for many rounds before the original
 * and a second fork, made at the same moment, are compared proposal by proposal (and score by score, for tools
 * that score other tools' configs).
 */
class ForkIndependenceTest {
  static final SearchSpace MIXED = MixedSpaceFixture.SPACE;
  static final SearchSpace CONSTRAINED = MIXED.withConstraints(List.of("layers * batch <= 256"));

  static Stream<String> tools() {
    return Optimizers.toolNames().stream();
  }

  @ParameterizedTest
  @MethodSource("tools")
  void aForkLivingAnotherStudyLeavesTheOriginalAsItWas(String tool) {
    check(tool, MIXED, 29, 1);
  }

  @ParameterizedTest
  @MethodSource("tools")
  void aForkLivingAnotherStudyLeavesTheOriginalAsItWasWithWorkersInParallel(String tool) {
    check(tool, MIXED, 37, 3);
  }

  @ParameterizedTest
  @MethodSource("tools")
  void aGuardedToolForksWithItsGuard(String tool) {
    Optimizer original = Optimizers.create(tool, CONSTRAINED, 31);
    assertThat(original).isInstanceOf(ConstraintGuard.class);
    check(tool, CONSTRAINED, 31, 2);
  }

  private static void check(String tool, SearchSpace space, long seed, int workers) {
    Optimizer original = Optimizers.create(tool, space, seed);
    Trials study = new Trials(space, workers);
    Optimizer twin = null;
    List<Config> probes = new ArrayList<>();
    Random probeRandom = new Random(seed);
    for (int k = 0; k < 8; k++) {
      probes.add(space.sample(probeRandom));
    }
    for (int i = 0; i < 45; i++) {
      double[] twinScores = null;
      if (i == 3 || i == 16 || i == 33) {
        twin = original.fork();
        twinScores = scores(twin, probes);
        runAnotherStudy(original.fork(), study.copy(), i);
      }
      History history = study.history();
      Proposal p = original.propose(history);
      if (twinScores != null) {
        // The fork still scores with the model of the proposal before it was made, whatever the original does.
        assertThat(scores(twin, probes)).as("%s fork's scores at round %d", tool, i).isEqualTo(twinScores);
      }
      if (twin != null) {
        assertThat(twin.propose(history).config()).as("%s at round %d", tool, i).isEqualTo(p.config());
        assertSameScores(original, twin, probes, tool, i);
        if (i % 4 == 1) {
          original.discard(p);
          twin.discard(p);
          p = original.propose(history);
          assertThat(twin.propose(history).config()).as("%s after a discard at round %d", tool, i)
              .isEqualTo(p.config());
        }
      }
      study.start(p.config(), tool);
      study.finishSome(i, MixedSpaceFixture::loss);
    }
  }

  /** What speculation on a wrong prediction does to a fork: other results, other failures, other discards. */
  private static void runAnotherStudy(Optimizer fork, Trials other, int salt) {
    for (int j = 0; j < 12; j++) {
      History history = other.history();
      Proposal p = fork.propose(history);
      if (fork instanceof CandidateScorer scorer) {
        scorer.logExpectedImprovement(List.of(p.config()));
      }
      if (j % 3 == 2) {
        fork.discard(p);
        p = fork.propose(history);
      }
      other.start(p.config(), fork.name());
      other.finishSome(j + salt + 1, c -> 10 - 3 * MixedSpaceFixture.loss(c));
    }
  }

  private static double[] scores(Optimizer o, List<Config> probes) {
    return o instanceof CandidateScorer scorer ? scorer.logExpectedImprovement(probes) : null;
  }

  private static void assertSameScores(Optimizer original, Optimizer twin, List<Config> probes, String tool,
      int round) {
    if (original instanceof CandidateScorer a && twin instanceof CandidateScorer b) {
      assertThat(b.logExpectedImprovement(probes)).as("%s scores at round %d", tool, round)
          .isEqualTo(a.logExpectedImprovement(probes));
    }
  }

  /** A hand-built history where trials of several workers run at once and do not always finish in order. */
  private static final class Trials {
    private final SearchSpace space;
    private final int workers;
    private final List<Trial> trials = new ArrayList<>();
    private final List<Integer> running = new ArrayList<>();

    Trials(SearchSpace space, int workers) {
      this.space = space;
      this.workers = workers;
    }

    Trials copy() {
      Trials t = new Trials(space, workers);
      t.trials.addAll(trials);
      t.running.addAll(running);
      return t;
    }

    History history() {
      return new History(space, Direction.MINIMIZE, trials);
    }

    void start(Config config, String tool) {
      int n = trials.size();
      trials.add(trial(n, config, TrialState.RUNNING, null, tool));
      running.add(n);
    }

    /**
     * Keeps all but one worker busy: the newest trial finishes first every third round, and every seventh
     * finishing trial fails.
     */
    void finishSome(int round, java.util.function.ToDoubleFunction<Config> objective) {
      while (running.size() >= workers) {
        int n = running.remove(round % 3 == 0 ? running.size() - 1 : 0);
        Trial t = trials.get(n);
        boolean fails = round % 7 == 5;
        trials.set(n, trial(n, t.config(), fails ? TrialState.FAILED : TrialState.COMPLETE,
            fails ? null : objective.applyAsDouble(t.config()), t.tool()));
      }
    }

    private static Trial trial(int n, Config c, TrialState state, Double value, String tool) {
      return new Trial(n, c, state, value, null, tool, 0, "test", new TreeMap<>(), TrialTimings.NONE, n, n, n,
          Map.of());
    }
  }
}
