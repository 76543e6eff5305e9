package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.objective.TrialPrunedException;
import dev.asap.schedule.Asha;
import dev.asap.schedule.Fidelity;
import dev.asap.schedule.Hyperband;
import dev.asap.schedule.PercentileStopping;
import dev.asap.schedule.Rungs;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.study.Study;
import dev.asap.tools.Optimizers;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The loop with a scheduler: budgets reach the objective, promotions re-run a config, stops are recorded. */
class ScheduledRunTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));
  private static final Fidelity EPOCHS = new Fidelity("epochs", 1, 27, 3, true);

  /** Loss after {@code epochs}: the config's quality plus a term that training removes; one second per epoch. */
  private static Objective learningCurve(List<Long> seenEpochs) {
    return (c, ctx) -> {
      long epochs = (Long) c.get("epochs");
      seenEpochs.add(epochs);
      double x = c.getDouble("x");
      return Evaluation.withCost((x - 0.3) * (x - 0.3) + 1.0 / epochs, epochs);
    };
  }

  private static Study study() {
    return Study.createOrOpen(new InMemoryStore(), "mf", SPACE, Direction.MINIMIZE);
  }

  @Test
  void ashaRunsNewConfigsAtOneEpochAndPromotesTheBestWithTheSameConfig() {
    Study study = study();
    List<Long> epochs = new CopyOnWriteArrayList<>();
    RunLoop.builder(study, learningCurve(epochs)).optimizer(Optimizers.create("random", SPACE, 1))
        .scheduler(new Asha(EPOCHS, Direction.MINIMIZE)).budget(Budget.trials(80)).workers(4).simulate(true)
        .build().run();

    List<Trial> trials = study.trials();
    assertThat(trials).hasSize(80);
    assertThat(epochs).contains(1L, 3L, 9L, 27L).hasSize(80);
    for (Trial t : trials) {
      int rung = Rungs.rung(t).orElseThrow();
      assertThat(((Number) t.attributes().get(Rungs.BUDGET)).longValue()).isEqualTo(EPOCHS.rungs().get(rung).longValue());
      Rungs.promotedFrom(t).ifPresent(from -> {
        assertThat(trials.get(from).config()).isEqualTo(t.config());
        assertThat(Rungs.rung(trials.get(from)).orElseThrow()).isEqualTo(rung - 1);
      });
      assertThat(t.config().has("epochs")).as("the fidelity is not a parameter of the stored config").isFalse();
    }
    long atOneEpoch = epochs.stream().filter(e -> e == 1).count();
    assertThat(atOneEpoch).as("most budget decisions are cheap first looks").isGreaterThan(40);
  }

  @Test
  void hyperbandOnTheSimulatedClockKeepsItsRungsSynchronousWithFourWorkers() {
    Study study = study();
    RunLoop.builder(study, learningCurve(new CopyOnWriteArrayList<>()))
        .optimizer(Optimizers.create("random", SPACE, 2)).scheduler(new Hyperband(EPOCHS, Direction.MINIMIZE))
        .budget(Budget.trials(60)).workers(4).simulate(true).build().run();

    List<Trial> trials = study.trials();
    for (Trial t : trials) {
      Rungs.promotedFrom(t).ifPresent(from -> {
        // Synchronous: a promotion starts only after every trial of the rung below in its bracket ended.
        for (Trial peer : trials) {
          if (Rungs.bracket(peer).equals(Rungs.bracket(t))
              && Rungs.rung(peer).orElseThrow() == Rungs.rung(t).orElseThrow() - 1) {
            assertThat(peer.end()).isLessThanOrEqualTo(t.start());
          }
        }
      });
    }
    assertThat(trials.stream().filter(t -> Rungs.bracket(t).orElseThrow() == 1)).isNotEmpty();
  }

  @Test
  void medianStoppingPrunesAReportingObjectiveAndKeepsTheStepTheReasonAndTheCost() {
    Study study = study();
    Objective reporting = (c, ctx) -> {
      double x = c.getDouble("x");
      for (long step = 1; step <= 10; step++) {
        ctx.report(step, x + 1.0 / step);
        if (ctx.shouldStop()) {
          throw new TrialPrunedException("stopped by the scheduler", (double) step);
        }
      }
      return Evaluation.withCost(x, 10);
    };
    RunReport report = RunLoop.builder(study, reporting).optimizer(Optimizers.create("random", SPACE, 3))
        .scheduler(new PercentileStopping(50, 5, 0, null, Direction.MINIMIZE)).budget(Budget.trials(30))
        .simulate(true).build().run();

    assertThat(report.pruned()).isPositive();
    for (Trial t : study.trials()) {
      if (t.state() == TrialState.PRUNED) {
        long step = ((Number) t.attributes().get("pruned_at_step")).longValue();
        assertThat(t.error()).contains("step " + step).contains("median");
        assertThat(t.timings().evalSeconds()).isEqualTo(step);
        assertThat(t.value()).isEqualTo(t.intermediate().get(step));
      }
    }
  }

  @Test
  void anObjectiveThatNeverReportsAStepIsNeverStopped() {
    Study study = study();
    RunReport report = RunLoop.builder(study, (c, ctx) -> {
          if (ctx.shouldStop()) {
            throw new TrialPrunedException("asked to stop");
          }
          return Evaluation.of(c.getDouble("x"));
        }).optimizer(Optimizers.create("random", SPACE, 3))
        .scheduler(new PercentileStopping(50, 1, 0, null, Direction.MINIMIZE)).budget(Budget.trials(12))
        .simulate(true).build().run();

    assertThat(report.pruned()).isZero();
    assertThat(report.completed()).isEqualTo(12);
  }

  @Test
  void stepsThatGoBackAreStoredButIgnoredByTheSchedulerWithAWarningOnTheTrial() {
    Study study = study();
    RunLoop.builder(study, (c, ctx) -> {
          ctx.report(5, 1.0);
          ctx.report(3, 2.0);
          return Evaluation.of(1.0);
        }).optimizer(Optimizers.create("random", SPACE, 3))
        .scheduler(new PercentileStopping(50, 1, 0, null, Direction.MINIMIZE)).budget(Budget.trials(2))
        .simulate(true).build().run();

    Trial first = study.trials().get(0);
    assertThat(first.intermediate()).containsKeys(3L, 5L);
    assertThat((String) first.attributes().get("step_warning")).contains("step 3 was reported after step 5");
  }
}
