package dev.asap.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.trial.Direction;
import dev.asap.trial.TrialState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AshaTest {
  private final Fidelity epochs = new Fidelity("epochs", 1, 9, 3, true);

  @Test
  void startsNewConfigsAtTheLowestBudgetUntilARungHasEtaResults() {
    Asha asha = new Asha(epochs, Direction.MINIMIZE);
    SchedulerTrials trials = new SchedulerTrials().complete(0.1, 0, 5).complete(0.2, 0, 4);

    Assignment next = asha.next(trials.list());

    assertThat(next).isInstanceOf(Assignment.Fresh.class);
    assertThat(((Assignment.Fresh) next).budget()).isEqualTo(1.0);
    assertThat(((Assignment.Fresh) next).notes()).containsEntry(Rungs.RUNG, 0).containsEntry(Rungs.BUDGET, 1L);
  }

  @Test
  void promotesTheBestOfARungOnceItIsInTheTopThird() {
    Asha asha = new Asha(epochs, Direction.MINIMIZE);
    SchedulerTrials trials = new SchedulerTrials().complete(0.1, 0, 5).complete(0.2, 0, 4).complete(0.3, 0, 6);

    Assignment next = asha.next(trials.list());

    assertThat(next).isInstanceOf(Assignment.Promote.class);
    Assignment.Promote promote = (Assignment.Promote) next;
    assertThat(promote.from().number()).isEqualTo(1);
    assertThat(promote.budget()).isEqualTo(3.0);
    assertThat(promote.notes()).containsEntry(Rungs.RUNG, 1).containsEntry(Rungs.PROMOTED_FROM, 1)
        .containsEntry(Rungs.BUDGET, 3L);
  }

  @Test
  void aConfigIsPromotedOnceAndHigherRungsComeFirst() {
    Asha asha = new Asha(epochs, Direction.MAXIMIZE);
    SchedulerTrials trials = new SchedulerTrials()
        .complete(0.1, 0, 5).complete(0.2, 0, 4).complete(0.3, 0, 6) // 0.3 is best when maximising
        .add(0.3, 1, TrialState.COMPLETE, 7.0, Map.of(Rungs.PROMOTED_FROM, 2))
        .complete(0.4, 0, 1).complete(0.5, 0, 2).complete(0.6, 0, 9) // rung 0 now holds 6: the top 2 go on
        .add(0.6, 1, TrialState.RUNNING, null, Map.of(Rungs.PROMOTED_FROM, 6));

    Assignment next = asha.next(trials.list());

    assertThat(next).isInstanceOf(Assignment.Fresh.class);
  }

  @Test
  void failedTrialsRankLastAndAreNeverPromoted() {
    Asha asha = new Asha(epochs, Direction.MINIMIZE);
    SchedulerTrials trials = new SchedulerTrials().add(0.1, 0, TrialState.FAILED, null, Map.of())
        .add(0.2, 0, TrialState.FAILED, null, Map.of()).add(0.3, 0, TrialState.FAILED, null, Map.of());

    assertThat(asha.next(trials.list())).isInstanceOf(Assignment.Fresh.class);
  }
}
