package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.objective.TrialFailedException;
import dev.asap.objective.TrialPrunedException;
import dev.asap.optimizer.random.RandomSearch;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.store.StudyStore;
import dev.asap.trial.Direction;
import dev.asap.trial.Owner;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunLoopTest {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("x", -5, 5))
      .add(CategoricalParameter.of("kind", "a", "b"))
      .add(FloatParameter.of("y", 0, 1))
      .when("y", "kind", "b")
      .build();

  private final StudyStore store = new InMemoryStore();

  private Study study(Direction direction) {
    return Study.createOrOpen(store, "t", SPACE, direction);
  }

  private static Objective square() {
    return (c, ctx) -> Evaluation.of(c.getDouble("x") * c.getDouble("x"));
  }

  private RunReport run(Study study, Objective objective, Budget budget, int workers, boolean simulate) {
    return RunLoop.builder(study, objective).optimizer(new RandomSearch(1)).budget(budget).workers(workers)
        .simulate(simulate).build().run();
  }

  @Test
  void runsTheTrialBudgetAndFindsTheBest() {
    Study s = study(Direction.MINIMIZE);
    RunReport r = run(s, square(), Budget.trials(30), 1, false);
    assertThat(r.completed()).isEqualTo(30);
    assertThat(s.trials()).hasSize(30).allMatch(Trial::isComplete);
    double min = s.trials().stream().mapToDouble(Trial::value).min().orElseThrow();
    assertThat(r.best().value()).isEqualTo(min);
    assertThat(r.stopReason()).contains("trial budget");
    assertThat(s.trials()).allMatch(t -> t.tool().equals("random") && t.timings().askSeconds() >= 0);
  }

  @Test
  void maximisingPicksTheLargestValue() {
    Study s = study(Direction.MAXIMIZE);
    RunReport r = run(s, square(), Budget.trials(20), 1, true);
    double max = s.trials().stream().mapToDouble(Trial::value).max().orElseThrow();
    assertThat(r.best().value()).isEqualTo(max);
  }

  @Test
  void simulatedClockChargesReportedCostsAcrossWorkers() {
    Study s = study(Direction.MINIMIZE);
    // Every trial costs 100 simulated seconds: 8 trials on 2 workers take 4 rounds of 100 s.
    RunReport r = run(s, (c, ctx) -> Evaluation.withCost(c.getDouble("x"), 100), Budget.trials(8), 2, true);
    assertThat(r.completed()).isEqualTo(8);
    assertThat(r.elapsedSeconds()).isCloseTo(400, within(1.0));
    assertThat(r.evalSeconds()).isCloseTo(800, within(1e-9));
    List<Trial> trials = s.trials();
    assertThat(trials).extracting(Trial::worker).containsOnly(0, 1);
    assertThat(trials).allMatch(t -> t.timings().evalSeconds() == 100);
    for (Trial t : trials) {
      assertThat(t.end() - t.start()).isCloseTo(100, within(1e-9));
    }
  }

  @Test
  void simulatedTimeBudgetStopsAndInterruptsRunningTrials() {
    Study s = study(Direction.MINIMIZE);
    // Five 60 s trials fit in 330 s (proposal time is charged too, so exactly 300 s would not); the sixth is cut.
    RunReport r = run(s, (c, ctx) -> Evaluation.withCost(1, 60), new Budget(null, Duration.ofSeconds(330), null), 1,
        true);
    assertThat(r.stopReason()).contains("time budget");
    assertThat(r.completed()).isEqualTo(5);
    assertThat(s.trials()).hasSize(6);
    Trial cut = s.trials().get(5);
    assertThat(cut.state()).isEqualTo(TrialState.INTERRUPTED);
    assertThat(cut.error()).isEqualTo("the time budget ran out");
    // It had run from its start until the budget ended, and is charged that, not 0 s.
    assertThat(cut.timings().evalSeconds()).isCloseTo(330 - cut.start(), within(0.5));
    assertThat(r.interrupted()).isEqualTo(1);
    assertThat(r.failed()).isZero();
    assertThat(r.elapsedSeconds()).isCloseTo(330, within(0.5));
  }

  @Test
  void stopsAtTheTarget() {
    Study s = study(Direction.MINIMIZE);
    RunReport r = run(s, square(), new Budget(500, null, 1.0), 1, true);
    assertThat(r.stopReason()).contains("target");
    assertThat(r.best().value()).isLessThanOrEqualTo(1.0);
    assertThat(s.trials().size()).isLessThan(500);
  }

  @Test
  void failuresKeepTheirReasonAndDoNotStopARunThatWorks() {
    Study s = study(Direction.MINIMIZE);
    AtomicInteger calls = new AtomicInteger();
    Objective flaky = (c, ctx) -> {
      int n = calls.getAndIncrement();
      if (n % 4 == 1) {
        throw new TrialFailedException("out of memory at batch 3");
      }
      if (n % 4 == 2) {
        return Evaluation.of(Double.NaN);
      }
      if (n % 4 == 3) {
        throw new IllegalStateException("boom");
      }
      return Evaluation.of(c.getDouble("x"));
    };
    RunReport r = run(s, flaky, Budget.trials(12), 1, true);
    assertThat(r.completed()).isEqualTo(3);
    assertThat(r.failed()).isEqualTo(9);
    List<String> errors = s.trials().stream().filter(t -> t.state() == TrialState.FAILED).map(Trial::error).toList();
    assertThat(errors).anyMatch(e -> e.contains("out of memory at batch 3"))
        .anyMatch(e -> e.contains("NaN"))
        .anyMatch(e -> e.contains("IllegalStateException: boom"));
  }

  @Test
  void stopsEarlyWhenEveryTrialFails() {
    Study s = study(Direction.MINIMIZE);
    RunReport r = run(s, (c, ctx) -> {
      throw new TrialFailedException("command not found: pythn3");
    }, Budget.trials(100), 1, true);
    assertThat(r.failed()).isEqualTo(3);
    assertThat(r.stopReason()).contains("rule 'same error'").contains("command not found: pythn3");
  }

  @Test
  void prunedTrialsKeepTheirLastIntermediateValue() {
    Study s = study(Direction.MINIMIZE);
    RunReport r = run(s, (c, ctx) -> {
      ctx.report(1, 0.9);
      ctx.report(2, 0.7);
      throw new TrialPrunedException("worse than the median at step 2");
    }, Budget.trials(2), 1, false);
    assertThat(r.pruned()).isEqualTo(2);
    Trial t = s.trials().get(0);
    assertThat(t.state()).isEqualTo(TrialState.PRUNED);
    assertThat(t.value()).isEqualTo(0.7);
    assertThat(t.intermediate()).containsExactly(Map.entry(1L, 0.9), Map.entry(2L, 0.7));
  }

  @Test
  void realWorkersRunInParallel() {
    Study s = study(Direction.MINIMIZE);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    RunReport r = run(s, (c, ctx) -> {
      int now = concurrent.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      Thread.sleep(150);
      concurrent.decrementAndGet();
      return Evaluation.of(c.getDouble("x"));
    }, Budget.trials(8), 3, false);
    assertThat(r.completed()).isEqualTo(8);
    assertThat(peak.get()).isEqualTo(3);
    assertThat(s.trials()).extracting(Trial::worker).containsOnly(0, 1, 2);
  }

  @Test
  void realTimeBudgetInterruptsAHangingObjective() {
    Study s = study(Direction.MINIMIZE);
    RunReport r = run(s, (c, ctx) -> {
      Thread.sleep(60_000);
      return Evaluation.of(0);
    }, new Budget(null, Duration.ofMillis(300), null), 1, false);
    assertThat(r.stopReason()).contains("time budget");
    assertThat(s.trials()).hasSize(1);
    assertThat(s.trials().get(0).error()).contains("time budget");
  }

  @Test
  void resumingCountsEarlierTrialsButNotInterruptedOnes() throws Exception {
    Study s = study(Direction.MINIMIZE);
    run(s, square(), Budget.trials(5), 1, true);
    // A trial left RUNNING by a process that no longer exists.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String deadOwner = Owner.host() + ":" + gone.pid();
    store.start(s.info().id(), new StudyStore.NewTrial(Map.of("x", 1.0, "kind", "a"), "random", 0, deadOwner, 0, 0,
        System.currentTimeMillis() / 1e3, Map.of()));

    RunReport r = run(s, square(), Budget.trials(8), 1, true);
    assertThat(r.recovered()).isEqualTo(1);
    Trial orphan = s.trials().get(5);
    assertThat(orphan.state()).isEqualTo(TrialState.INTERRUPTED);
    assertThat(orphan.error()).contains("ended without finishing");
    assertThat(r.completed()).isEqualTo(3);
    assertThat(s.trials().stream().filter(Trial::isComplete).count()).isEqualTo(8);
  }

  @Test
  void staleHeartbeatsFromOtherHostsAreRecovered() {
    Study s = study(Direction.MINIMIZE);
    double longAgo = System.currentTimeMillis() / 1e3 - 3_600;
    store.start(s.info().id(), new StudyStore.NewTrial(Map.of("x", 1.0, "kind", "a"), "random", 0, "elsewhere:42", 0,
        0, longAgo, Map.of()));
    store.start(s.info().id(), new StudyStore.NewTrial(Map.of("x", 2.0, "kind", "a"), "random", 0, "elsewhere:43", 0,
        0, System.currentTimeMillis() / 1e3, Map.of()));
    int recovered = OrphanRecovery.recover(s, s.trials(), RunLoop.STALE_AFTER_SECONDS);
    assertThat(recovered).isEqualTo(1);
    assertThat(s.trials().get(0).error()).contains("no heartbeat");
    assertThat(s.trials().get(1).state()).isEqualTo(TrialState.RUNNING);
  }

  @Test
  void listenersSeeEveryTrialInOrder() {
    Study s = study(Direction.MINIMIZE);
    List<String> events = new ArrayList<>();
    RunLoop.builder(s, square()).optimizer(new RandomSearch(3)).budget(Budget.trials(3)).simulate(true)
        .listener(new RunListener() {
          @Override
          public void runStarted(RunStart start) {
            events.add("start");
          }

          @Override
          public void trialStarted(Trial trial) {
            events.add("s" + trial.number());
          }

          @Override
          public void trialFinished(Trial trial, Trial best) {
            events.add("f" + trial.number());
          }

          @Override
          public void runFinished(RunReport report) {
            events.add("end");
          }
        }).build().run();
    assertThat(events).containsExactly("start", "s0", "f0", "s1", "f1", "s2", "f2", "end");
  }
}
