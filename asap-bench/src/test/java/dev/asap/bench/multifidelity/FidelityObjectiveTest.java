package dev.asap.bench.multifidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialPrunedException;
import dev.asap.schedule.Fidelity;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FidelityObjectiveTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));
  /** Loss 1/e after epoch e, 10 s per epoch. */
  private static final FidelityTask TASK = new FidelityTask("toy", "toy", SPACE,
      new Fidelity("epochs", 1, 9, 3, true), (config, epochs) -> {
        double[] losses = new double[epochs];
        double[] seconds = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
          losses[e - 1] = 1.0 / e;
          seconds[e - 1] = 10.0 * e;
        }
        return new LearningCurve.Curve(losses, seconds);
      }, 0.0);

  private static Config at(long epochs) {
    return SPACE.config(Map.of("x", 0.5)).plus("epochs", epochs);
  }

  private static TrialContext recording(List<Long> steps, boolean stop) {
    return new TrialContext() {
      @Override
      public int trialNumber() {
        return 0;
      }

      @Override
      public void report(long step, double value) {
        steps.add(step);
      }

      @Override
      public boolean shouldStop() {
        return stop;
      }
    };
  }

  @Test
  void aPromotedConfigContinuesAndIsChargedOnlyTheEpochsItAdds() throws Exception {
    FidelityObjective objective = new FidelityObjective(TASK, true);
    List<Long> steps = new ArrayList<>();

    Evaluation first = objective.evaluate(at(3), recording(steps, false));
    Evaluation second = objective.evaluate(at(9), recording(steps, false));

    assertThat(first.costSeconds()).isEqualTo(30.0);
    assertThat(second.costSeconds()).isEqualTo(60.0);
    assertThat(second.value()).isEqualTo(1.0 / 9);
    assertThat(steps).hasSize(12);
  }

  @Test
  void withoutContinuationEveryRunIsChargedFromTheFirstEpoch() throws Exception {
    FidelityObjective objective = new FidelityObjective(TASK, false);

    objective.evaluate(at(3), recording(new ArrayList<>(), false));

    assertThat(objective.evaluate(at(9), recording(new ArrayList<>(), false)).costSeconds()).isEqualTo(90.0);
  }

  @Test
  void aStoppedRunIsChargedUpToItsLastEpoch() {
    FidelityObjective objective = new FidelityObjective(TASK, true);

    TrialPrunedException e = catchThrowableOfType(TrialPrunedException.class,
        () -> objective.evaluate(at(9), recording(new ArrayList<>(), true)));

    assertThat(e.costSeconds()).isEqualTo(10.0);
  }

  @Test
  void theIncumbentIsTheBestAtTheHighestBudgetScoredAtTheFullBudget() {
    IncumbentTrace trace = new IncumbentTrace(9, c -> c.getDouble("x"));
    trace.runStarted(new dev.asap.loop.RunListener.RunStart("s", 0, 0, 0));
    trace.trialFinished(trial(0, 0.2, 1, 0.1, 1), null);
    trace.trialFinished(trial(1, 0.7, 3, 0.9, 2), null); // higher budget: it is the incumbent, though worse
    trace.trialFinished(trial(2, 0.05, 1, 0.01, 3), null); // lower budget: ignored

    assertThat(trace.lossAt(1.5)).isEqualTo(0.2);
    assertThat(trace.lossAt(5)).isEqualTo(0.7);
    assertThat(trace.timeTo(0.5)).isEqualTo(1);
    assertThat(trace.timeTo(0.01)).isInfinite();
  }

  private static dev.asap.trial.Trial trial(int number, double x, long budget, double value, double end) {
    return new dev.asap.trial.Trial(number, SPACE.config(Map.of("x", x)), dev.asap.trial.TrialState.COMPLETE,
        value, null, "random", 0, "h:1", new java.util.TreeMap<>(), dev.asap.trial.TrialTimings.NONE, 0, end, 0,
        Map.of(dev.asap.schedule.Rungs.BUDGET, budget));
  }
}
