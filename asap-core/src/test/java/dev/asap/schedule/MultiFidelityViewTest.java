package dev.asap.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiFidelityViewTest {

  private static History view(SchedulerTrials trials) {
    return MultiFidelityView.of(new History(SchedulerTrials.SPACE, Direction.MINIMIZE, trials.list()));
  }

  @Test
  void beforeAnyHigherRungHasEnoughResultsTheModelsLearnFromTheLowestWithPromotedConfigsCountedOnce() {
    SchedulerTrials trials = new SchedulerTrials();
    for (int i = 0; i < 6; i++) {
      trials.complete(i / 10.0, 0, i);
    }
    trials.add(0.0, 1, TrialState.COMPLETE, 0.5, Map.of(Rungs.PROMOTED_FROM, 0));

    History view = view(trials);

    assertThat(view.trials().get(0).state()).as("superseded by its promotion").isEqualTo(TrialState.INTERRUPTED);
    assertThat(view.completed()).extracting(Trial::number).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(view.contains(trials.list().get(0).config())).as("never proposed again").isTrue();
  }

  @Test
  void onceARungHasEnoughResultsTheLowerOnesCountAsPruned() {
    SchedulerTrials trials = new SchedulerTrials();
    for (int i = 0; i < 5; i++) {
      trials.complete(i / 10.0, 1, i);
    }
    trials.complete(0.9, 0, 0.1).add(0.8, 0, TrialState.RUNNING, null, Map.of());

    History view = view(trials);

    assertThat(view.completed()).extracting(Trial::number).containsExactly(0, 1, 2, 3, 4);
    assertThat(view.trials().get(5).state()).isEqualTo(TrialState.PRUNED);
    assertThat(view.pending()).extracting(Trial::number).containsExactly(6);
  }

  @Test
  void aStudyWithoutScheduledTrialsIsSeenAsItIs() {
    History plain = new History(SchedulerTrials.SPACE, Direction.MINIMIZE, java.util.List.of());
    assertThat(MultiFidelityView.of(plain)).isSameAs(plain);
  }
}
