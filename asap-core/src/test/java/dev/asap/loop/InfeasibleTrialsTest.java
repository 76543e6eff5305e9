package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.objective.Evaluation;
import dev.asap.objective.FailureKind;
import dev.asap.objective.Objective;
import dev.asap.objective.TrialFailedException;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.random.RandomSearch;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Infeasible configs are results, not failures: runs never stop on them and the clock charges their cost. */
class InfeasibleTrialsTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1));

  private static Study study() {
    return Study.createOrOpen(new InMemoryStore(), "t", SPACE, Direction.MINIMIZE);
  }

  private static RunReport run(Study study, Objective objective, int trials, String optimizer) {
    return RunLoop.builder(study, objective).optimizer(Optimizers.create(optimizer, SPACE, 3))
        .budget(Budget.trials(trials)).simulate(true).build().run();
  }

  @Test
  void aRunWhereEveryConfigIsInfeasibleSpendsItsWholeBudget() {
    Study s = study();
    RunReport r = run(s, (c, ctx) -> Evaluation.infeasible("out of memory", 90.0), 25, "random");
    assertThat(r.stopCause()).isEqualTo(StopCause.TRIAL_BUDGET);
    assertThat(r.infeasible()).isEqualTo(25);
    assertThat(r.failed()).isZero();
    assertThat(r.best()).isNull();
    assertThat(s.trials()).allSatisfy(t -> {
      assertThat(t.state()).isEqualTo(TrialState.INFEASIBLE);
      assertThat(t.error()).isEqualTo("out of memory");
      assertThat(t.value()).isNull();
    });
  }

  @Test
  void infeasibleAndFailedTrialsAreChargedTheCostTheyReported() {
    Study s = study();
    AtomicInteger calls = new AtomicInteger();
    Objective mixed = (c, ctx) -> switch (calls.getAndIncrement() % 3) {
      case 0 -> Evaluation.infeasible("needs 97 GB of 80 GB", 60.0);
      case 1 -> throw new TrialFailedException("NCCL timeout", FailureKind.CRASHED, 30.0, null);
      default -> Evaluation.withCost(c.getDouble("x"), 100);
    };
    RunReport r = run(s, mixed, 9, "random");
    assertThat(r.infeasible()).isEqualTo(3);
    assertThat(r.failed()).isEqualTo(3);
    assertThat(r.completed()).isEqualTo(3);
    assertThat(r.evalSeconds()).isEqualTo(3 * 60 + 3 * 30 + 3 * 100.0);
    for (Trial t : s.trials()) {
      double expected = switch (t.state()) {
        case INFEASIBLE -> 60;
        case FAILED -> 30;
        default -> 100;
      };
      assertThat(t.timings().evalSeconds()).isEqualTo(expected);
    }
  }

  @Test
  void manyFailuresMixedWithInfeasibleConfigsNeverStopTheRun() {
    Study s = study();
    AtomicInteger calls = new AtomicInteger();
    Objective mostlyBroken = (c, ctx) -> {
      if (calls.getAndIncrement() % 10 == 0) {
        return Evaluation.infeasible("divisibility", null);
      }
      throw new TrialFailedException("Traceback: CUDA error");
    };
    RunReport r = run(s, mostlyBroken, 40, "random");
    assertThat(r.stopCause()).isEqualTo(StopCause.TRIAL_BUDGET);
    assertThat(r.failed() + r.infeasible()).isEqualTo(40);
  }

  @Test
  void theBrokenObjectiveRuleStillFiresForACommandThatPrintsNoMetric() {
    Study s = study();
    RunReport r = run(s, (c, ctx) -> {
      throw new TrialFailedException("no metric: the last line was 'hello'", FailureKind.NO_METRIC, null, null);
    }, 50, "random");
    assertThat(r.stopCause()).isEqualTo(StopCause.ALL_FAILED);
    assertThat(r.stopReason()).contains("rule 'no metric'");
    assertThat(r.failed()).isEqualTo(3);
  }

  @Test
  void variedFailuresStopOnlyAtTheLimit() {
    Study s = study();
    AtomicInteger calls = new AtomicInteger();
    Objective varied = (c, ctx) -> {
      throw new TrialFailedException(calls.getAndIncrement() % 2 == 0 ? "segfault" : "ValueError: bad shape");
    };
    RunReport r = run(s, varied, 100, "random");
    assertThat(r.stopCause()).isEqualTo(StopCause.ALL_FAILED);
    assertThat(r.stopReason()).contains("rule 'nothing works'").contains("2 different errors");
    assertThat(r.failed()).isEqualTo(20);
  }

  @Test
  void thePoolLeavesItsInitialDesignAfterEvaluatedTrialsWhateverTheirOutcome() {
    Study s = study();
    // Feasible only in a corner: 4 % of the square.
    Objective corner = (c, ctx) -> c.getDouble("x") > 0.8 && c.getDouble("y") > 0.8
        ? Evaluation.withCost(c.getDouble("x") + c.getDouble("y"), 60)
        : Evaluation.infeasible("outside the corner", 10.0);
    run(s, corner, 30, Optimizers.POOL);
    assertThat(s.trials().subList(15, 30)).anyMatch(t -> !"sobol".equals(t.tool()));
  }

  @Test
  void learnedFeasibilityLowersTheInfeasibleShareAgainstRandomSearch() {
    // Feasible in a corner (9 % of the square), best inside it.
    Objective corner = (c, ctx) -> c.getDouble("x") > 0.7 && c.getDouble("y") > 0.7
        ? Evaluation.withCost(Math.pow(c.getDouble("x") - 0.83, 2) + Math.pow(c.getDouble("y") - 0.87, 2), 60)
        : Evaluation.infeasible("outside the corner", 10.0);
    int trials = 60;
    long randomInfeasible = lastThirdInfeasible(corner, trials, "random");
    long gpInfeasible = lastThirdInfeasible(corner, trials, "gp");
    long tpeInfeasible = lastThirdInfeasible(corner, trials, "tpe");
    assertThat(gpInfeasible).isLessThanOrEqualTo(randomInfeasible / 2);
    assertThat(tpeInfeasible).isLessThan(randomInfeasible);
  }

  private static long lastThirdInfeasible(Objective objective, int trials, String optimizer) {
    Study s = study();
    run(s, objective, trials, optimizer);
    return s.trials().subList(2 * trials / 3, trials).stream().filter(t -> t.state() == TrialState.INFEASIBLE)
        .count();
  }

  @Test
  void studyTellInfeasibleRecordsTheReason() {
    Study s = study();
    Trial t = s.ask(new RandomSearch(1));
    s.tellInfeasible(t.number(), "OOM");
    assertThat(s.trials().get(0).state()).isEqualTo(TrialState.INFEASIBLE);
    assertThat(s.trials().get(0).error()).isEqualTo("OOM");
  }
}
