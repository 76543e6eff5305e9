package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ValuePredictorTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));
  private static final Config CONFIG = SPACE.config(Map.of("x", 0.5));

  private static Trial trial(int number, TrialState state, Double value, Double predictedLoss) {
    Map<String, Object> attributes = predictedLoss == null ? Map.of() : Map.of("predicted_mean", predictedLoss);
    return new Trial(number, CONFIG, state, value, null, "t", 0, "test", new TreeMap<>(), TrialTimings.NONE, number,
        state == TrialState.RUNNING ? Double.NaN : number, number, attributes);
  }

  /** Feeds the stream one result at a time, as the loop does, and returns the last choice. */
  private static ValuePredictor.Choice run(ValuePredictor predictor, double[] values, Double[] toolLosses,
      Direction direction) {
    List<Trial> finished = new ArrayList<>();
    ValuePredictor.Choice choice = null;
    for (int i = 0; i <= values.length; i++) {
      Double loss = i < values.length ? toolLosses[i] : toolLosses[values.length - 1];
      choice = predictor.predict(trial(i, TrialState.RUNNING, null, loss), finished, direction);
      if (i < values.length) {
        finished.add(trial(i, TrialState.COMPLETE, values[i], toolLosses[i]));
      }
    }
    return choice;
  }

  @Test
  void withoutAnyRecordTheToolsMeanComesFirstThenTheMedian() {
    ValuePredictor predictor = new ValuePredictor(new SpeculationStats());
    Trial first = trial(0, TrialState.RUNNING, null, null);
    assertThat(predictor.predict(first, List.of(), Direction.MINIMIZE)).isNull();
    assertThat(predictor.predict(trial(1, TrialState.RUNNING, null, 2.5), List.of(), Direction.MINIMIZE))
        .isEqualTo(new ValuePredictor.Choice(CandidatePredictor.TOOL_MEAN, 2.5));
    List<Trial> done = List.of(trial(0, TrialState.COMPLETE, 3.0, null), trial(1, TrialState.COMPLETE, 1.0, null),
        trial(2, TrialState.COMPLETE, 2.0, null));
    assertThat(new ValuePredictor(new SpeculationStats()).predict(trial(3, TrialState.RUNNING, null, null), done,
        Direction.MINIMIZE)).isEqualTo(new ValuePredictor.Choice(CandidatePredictor.MEDIAN, 2.0));
  }

  @Test
  void theIncumbentWinsWhenTheRunExploitsAroundItsBestAndTheToolIsOff() {
    // Maximised: most picks land just above the best so far, every fourth is a poor exploratory one (which
    // pulls the mean and the median away); the tool's model predicts 0.5 every time (stored as the loss -0.5).
    double[] values = new double[20];
    Double[] losses = new Double[20];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 4 == 3 ? 0.3 : 0.9 + 1e-4 * i;
      losses[i] = -0.5;
    }
    SpeculationStats stats = new SpeculationStats();
    ValuePredictor.Choice choice = run(new ValuePredictor(stats), values, losses, Direction.MAXIMIZE);
    assertThat(choice.predictor()).isEqualTo(CandidatePredictor.INCUMBENT);
    assertThat(choice.value()).isEqualTo(values[18]);
    assertThat(stats.predictors().get("tool-mean").medianError())
        .isGreaterThan(stats.predictors().get("incumbent").medianError());
  }

  @Test
  void anAccurateToolMeanIsPreferredOverValuesThatKeepMoving() {
    // Values jump around; the tool predicts each within 0.1 %.
    double[] values = new double[15];
    Double[] losses = new Double[15];
    for (int i = 0; i < values.length; i++) {
      values[i] = 10 + 7 * Math.sin(i * 1.7);
      losses[i] = values[i] * 1.001;
    }
    SpeculationStats stats = new SpeculationStats();
    ValuePredictor.Choice choice = run(new ValuePredictor(stats), values, losses, Direction.MINIMIZE);
    assertThat(choice.predictor()).isEqualTo(CandidatePredictor.TOOL_MEAN);
    assertThat(stats.predictors().get("tool-mean").relativeErrors()).hasSize(15)
        .allSatisfy(e -> assertThat(e).isLessThan(0.0011));
  }

  @Test
  void theChoiceFollowsTheRecentRecordNotTheWholeRun() {
    // The tool is exact for 15 results, then off by 50 % while the values stay flat: within one window of
    // recent errors the recent mean (exact on a flat stretch) takes over.
    double[] values = new double[30];
    Double[] losses = new Double[30];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 15 ? 1 + i : 20;
      losses[i] = i < 15 ? values[i] : 30.0;
    }
    ValuePredictor.Choice choice = run(new ValuePredictor(new SpeculationStats()), values, losses,
        Direction.MINIMIZE);
    assertThat(choice.predictor()).isEqualTo(CandidatePredictor.RECENT_MEAN);
    assertThat(choice.value()).isEqualTo(20.0);
  }

  @Test
  void failedAndRunningTrialsAreNotScoredAndRunningOnesAreTakenInOnceFinished() {
    SpeculationStats stats = new SpeculationStats();
    ValuePredictor predictor = new ValuePredictor(stats);
    List<Trial> trials = new ArrayList<>(List.of(trial(0, TrialState.COMPLETE, 4.0, null),
        trial(1, TrialState.RUNNING, null, null), trial(2, TrialState.FAILED, null, null),
        trial(3, TrialState.COMPLETE, 6.0, null)));
    predictor.predict(trial(4, TrialState.RUNNING, null, null), trials, Direction.MINIMIZE);
    assertThat(stats.predictors().get("median").relativeErrors()).hasSize(1);
    trials.set(1, trial(1, TrialState.COMPLETE, 5.0, null));
    predictor.predict(trial(4, TrialState.RUNNING, null, null), trials, Direction.MINIMIZE);
    predictor.predict(trial(4, TrialState.RUNNING, null, null), trials, Direction.MINIMIZE);
    assertThat(stats.predictors().get("median").relativeErrors()).hasSize(2);
  }
}
