package dev.asap.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinishedTrialsTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));

  private static List<Integer> numbers(List<Trial> trials) {
    return trials.stream().map(Trial::number).toList();
  }

  @Test
  void handsOutEachFinishedTrialOnceInNumberOrderAlsoWhenTheyFinishOutOfOrder() {
    HistoryDriver d = new HistoryDriver(SPACE);
    RandomTool tool = new RandomTool();
    int a = d.ask(tool);
    int b = d.ask(tool);
    int c = d.ask(tool);
    FinishedTrials finished = new FinishedTrials();
    d.tell(c, 1);
    assertThat(numbers(finished.newSince(d.history()))).containsExactly(c);
    d.tell(a, 2);
    assertThat(numbers(finished.newSince(d.history()))).containsExactly(a);
    assertThat(finished.newSince(d.history())).isEmpty();
    d.fail(b);
    assertThat(numbers(finished.newSince(d.history()))).containsExactly(b);
  }

  @Test
  void aCopyHandsOutWhatTheOriginalWouldAndNeitherAffectsTheOther() {
    HistoryDriver d = new HistoryDriver(SPACE);
    RandomTool tool = new RandomTool();
    FinishedTrials original = new FinishedTrials();
    int first = d.ask(tool);
    d.tell(first, 0);
    assertThat(numbers(original.newSince(d.history()))).containsExactly(first);
    int a = d.ask(tool);
    int b = d.ask(tool);
    int c = d.ask(tool);
    d.tell(c, 1); // c is handed out while a and b still run: the frontier stays at a
    assertThat(numbers(original.newSince(d.history()))).containsExactly(c);
    FinishedTrials copy = original.copy();
    d.tell(a, 2);
    d.tell(b, 3);
    // The copy consumes first; the original must still hand out a and b, and neither hands out c again.
    assertThat(numbers(copy.newSince(d.history()))).containsExactly(a, b);
    assertThat(numbers(original.newSince(d.history()))).containsExactly(a, b);
    assertThat(copy.newSince(d.history())).isEmpty();
    assertThat(original.newSince(d.history())).isEmpty();
  }

  /** Uniform proposals: enough to fill a history. */
  private static final class RandomTool implements Optimizer {
    private final java.util.Random random = new java.util.Random(1);

    @Override
    public String name() {
      return "test";
    }

    @Override
    public Proposal propose(History history) {
      return new Proposal(SPACE.sample(random), name(), null, 0);
    }
  }
}
