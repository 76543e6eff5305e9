package dev.asap.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.trial.Direction;
import dev.asap.trial.TrialState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperbandTest {
  private final Fidelity epochs = new Fidelity("epochs", 1, 9, 3, true); // rungs 1, 3, 9: s_max = 2

  @Test
  void theFirstBracketStartsNineConfigsAtTheLowestBudgetThenPromotesTheBestThreeThenOne() {
    Hyperband hyperband = new Hyperband(epochs, Direction.MINIMIZE);
    SchedulerTrials trials = new SchedulerTrials();
    for (int i = 0; i < 9; i++) {
      Assignment next = hyperband.next(trials.list());
      assertThat(next).isInstanceOf(Assignment.Fresh.class);
      assertThat(((Assignment.Fresh) next).notes()).containsEntry(Rungs.BRACKET, 0).containsEntry(Rungs.RUNG, 0);
      trials.add(i / 10.0, 0, TrialState.COMPLETE, (double) Math.abs(i - 4), Map.of(Rungs.BRACKET, 0));
    }
    for (int expected : new int[] {4, 3, 5}) {
      Assignment.Promote p = (Assignment.Promote) hyperband.next(trials.list());
      assertThat(p.from().number()).isEqualTo(expected);
      assertThat(p.budget()).isEqualTo(3.0);
      trials.add(p.from().config().getDouble("x"), 1, TrialState.COMPLETE, 10.0 - expected,
          Map.of(Rungs.BRACKET, 0, Rungs.PROMOTED_FROM, expected));
    }
    Assignment.Promote last = (Assignment.Promote) hyperband.next(trials.list());
    assertThat(last.budget()).isEqualTo(9.0);
    assertThat(last.from().number()).isEqualTo(11); // x = 0.5 scored 5 at 3 epochs, the best of rung 1
    trials.add(0.5, 2, TrialState.COMPLETE, 1.0, Map.of(Rungs.BRACKET, 0, Rungs.PROMOTED_FROM, 11));

    Assignment second = hyperband.next(trials.list());

    assertThat(((Assignment.Fresh) second).notes()).containsEntry(Rungs.BRACKET, 1).containsEntry(Rungs.RUNG, 1);
  }

  @Test
  void aWorkerThatWouldWaitForTheRungOpensTheNextBracket() {
    Hyperband hyperband = new Hyperband(epochs, Direction.MINIMIZE);
    SchedulerTrials trials = new SchedulerTrials();
    for (int i = 0; i < 9; i++) {
      trials.add(i / 10.0, 0, i == 8 ? TrialState.RUNNING : TrialState.COMPLETE, i == 8 ? null : (double) i,
          Map.of(Rungs.BRACKET, 0));
    }

    Assignment next = hyperband.next(trials.list());

    assertThat(((Assignment.Fresh) next).notes()).containsEntry(Rungs.BRACKET, 1);
  }
}
