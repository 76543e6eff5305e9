package dev.asap.optimizer.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpeTrialSplitTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));

  @Test
  void gammaIsOptunasDefault() {
    assertThat(TrialSplit.gamma(1)).isEqualTo(1);
    assertThat(TrialSplit.gamma(10)).isEqualTo(1);
    assertThat(TrialSplit.gamma(11)).isEqualTo(2);
    assertThat(TrialSplit.gamma(100)).isEqualTo(10);
    assertThat(TrialSplit.gamma(249)).isEqualTo(25);
    assertThat(TrialSplit.gamma(1_000)).isEqualTo(25);
  }

  /** Trial i has x = i / 100; complete trials have the values given, others the given states. */
  private static History history(Direction direction, Object... statesOrValues) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < statesOrValues.length; i++) {
      var config = TpeTrials.config(SPACE, "x", i / 100.0);
      Object v = statesOrValues[i];
      trials.add(v instanceof TrialState s ? TpeTrials.of(i, config, s, s == TrialState.PRUNED ? 0.0 : null)
          : TpeTrials.complete(i, config, ((Number) v).doubleValue()));
    }
    return new History(SPACE, direction, trials);
  }

  private static List<Integer> numbers(List<EncodedTrial> trials) {
    return trials.stream().map(EncodedTrial::number).toList();
  }

  @Test
  void bestByLossAreGoodAndTheRestBadInNumberOrder() {
    // 11 finished trials -> 2 good: the lowest values 0.5 (trial 7) and 1 (trials 2 and 9 tie: earlier wins).
    History h = history(Direction.MINIMIZE, 5, 4, 1, 8, 7, 6, 9, 0.5, 3, 1, 2);
    TrialSplit split = TrialSplit.of(h, new EncodingCache(SPACE), true);
    assertThat(numbers(split.good())).containsExactly(2, 7);
    assertThat(numbers(split.bad())).containsExactly(0, 1, 3, 4, 5, 6, 8, 9, 10);
  }

  @Test
  void infeasibleTrialsAreBadAndTheLeastViolatingFillAGoodGroupTheFeasibleCannot() {
    List<Trial> trials = new ArrayList<>();
    double[] violations = {3, 0.2, 5, 0.1, 4, 2, 6, 7, 8, 9, 1, 12, 11, 10, 13, 14, 15, 16, 17, 18, 19};
    for (int i = 0; i < violations.length; i++) {
      Trial t = TpeTrials.of(i, TpeTrials.config(SPACE, "x", i / 100.0), TrialState.INFEASIBLE, null);
      trials.add(new Trial(t.number(), t.config(), t.state(), null, "out of memory", t.tool(), 0, t.owner(),
          t.intermediate(), t.timings(), t.start(), t.end(), t.heartbeat(), Map.of("violation", violations[i])));
    }
    trials.add(TpeTrials.complete(violations.length, TpeTrials.config(SPACE, "x", 0.5), 2.0));
    // 22 finished trials -> 3 good: the one feasible trial, then the two least violating (trials 3 and 1).
    TrialSplit split = TrialSplit.of(new History(SPACE, Direction.MINIMIZE, trials), new EncodingCache(SPACE), true);
    assertThat(numbers(split.good())).containsExactly(1, 3, 21);
    assertThat(split.bad()).hasSize(19);
    assertThat(split.finished()).hasSize(22);
  }

  @Test
  void maximisingStudiesRankByTheLoss() {
    History h = history(Direction.MAXIMIZE, 5, 4, 1, 8, 7);
    TrialSplit split = TrialSplit.of(h, new EncodingCache(SPACE), true);
    assertThat(numbers(split.good())).containsExactly(3);
  }

  @Test
  void failedTrialsAreIgnoredPrunedAreBadAndPendingAreLiars() {
    History h = history(Direction.MINIMIZE, 3, TrialState.FAILED, 1, TrialState.RUNNING, TrialState.PRUNED, 2,
        TrialState.FAILED);
    TrialSplit liar = TrialSplit.of(h, new EncodingCache(SPACE), true);
    assertThat(numbers(liar.good())).containsExactly(2);
    assertThat(numbers(liar.bad())).containsExactly(0, 3, 4, 5);
    assertThat(numbers(liar.finished())).containsExactly(0, 2, 4, 5);
    TrialSplit honest = TrialSplit.of(h, new EncodingCache(SPACE), false);
    assertThat(numbers(honest.bad())).containsExactly(0, 4, 5);
  }
}
