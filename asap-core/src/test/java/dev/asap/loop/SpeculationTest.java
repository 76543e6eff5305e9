package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.tools.Optimizers;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.study.WallClockBreakdown;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpeculationTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1));

  private static RunReport run(Study study, String tool, Objective objective, int trials, boolean speculate,
      double latency, int workers, boolean simulate) {
    RunLoop.Builder b = RunLoop.builder(study, objective).optimizer(Optimizers.create(tool, SPACE, 3))
        .budget(Budget.trials(trials)).workers(workers).simulate(simulate).proposalLatency(latency);
    if (speculate) {
      b.speculate(SpeculationMode.ON, 0.1);
    }
    return b.build().run();
  }

  private static Study study() {
    return Study.createOrOpen(new InMemoryStore(), "s", SPACE, Direction.MINIMIZE);
  }

  @Test
  void exactPredictionsAreAcceptedAndChangeNothingButTheClock() {
    // A flat objective: the median of earlier values predicts every result exactly.
    Objective flat = (c, ctx) -> Evaluation.withCost(5.0, 100);
    Study serial = study();
    RunReport s = run(serial, "random", flat, 20, false, 2.0, 1, true);
    Study spec = study();
    RunReport p = run(spec, "random", flat, 20, true, 2.0, 1, true);

    List<Config> serialConfigs = serial.trials().stream().map(Trial::config).toList();
    assertThat(spec.trials().stream().map(Trial::config).toList()).isEqualTo(serialConfigs);
    SpeculationStats stats = p.speculation();
    assertThat(stats.accepted()).isGreaterThanOrEqualTo(17);
    assertThat(stats.rejected()).isZero();
    assertThat(stats.sampled()).isPositive();
    assertThat(stats.equalToSerial()).isEqualTo(stats.sampled());
    assertThat(stats.equivalentToSerial()).isEqualTo(stats.sampled());
    // Every prepared pick names the predictor it was prepared under.
    assertThat(stats.predictors().values().stream().mapToInt(SpeculationStats.PredictorRecord::used).sum())
        .isEqualTo(stats.accepted() + stats.rejected() + stats.missed());
    // Each accepted pick hid its 2 s judge latency under a 100 s evaluation.
    assertThat(stats.hiddenSeconds()).isGreaterThanOrEqualTo(2.0 * stats.accepted());
    assertThat(p.elapsedSeconds()).isLessThan(s.elapsedSeconds() - 2.0 * stats.accepted() + 1);
    assertThat(spec.trials()).filteredOn(t -> t.attributes().containsKey("speculation")).hasSize(stats.accepted())
        .allMatch(t -> ((Number) t.attributes().get("hidden_seconds")).doubleValue() >= 2.0);
  }

  @ParameterizedTest
  @MethodSource("dev.asap.tools.Optimizers#names")
  void underExactPredictionsEveryToolPicksWhatTheSerialRunPicks(String tool) {
    // Speculation proposes on a fork of the running state: with the true result as the prediction, every
    // prepared pick is accepted and is the serial pick, for tools with state (CMA-ES, DE, the pool) too.
    Objective bowl = (c, ctx) -> Evaluation.withCost(Math.pow(c.getDouble("x") - 0.3, 2)
        + Math.abs(c.getDouble("y") - 0.6) + 1.0, 50 + 40 * c.getDouble("x"));
    Study serial = study();
    run(serial, tool, bowl, 40, false, 0, 1, true);
    Study spec = study();
    RunLoop.Builder b = RunLoop.builder(spec, bowl).optimizer(Optimizers.create(tool, SPACE, 3))
        .budget(Budget.trials(40)).simulate(true).speculate(SpeculationMode.ON, 0.1).exactPredictions();
    SpeculationStats stats = b.build().run().speculation();

    assertThat(spec.trials().stream().map(Trial::config).toList())
        .isEqualTo(serial.trials().stream().map(Trial::config).toList());
    assertThat(stats.rejected()).isZero();
    assertThat(stats.accepted()).isGreaterThanOrEqualTo(35);
    assertThat(stats.equalToSerial()).isEqualTo(stats.sampled()).isPositive();
  }

  @Test
  void theTrialsRecordWhereTheRunsTimeWent() {
    Objective flat = (c, ctx) -> Evaluation.withCost(5.0, 100);
    Study serial = study();
    RunReport s = run(serial, "random", flat, 10, false, 2.0, 1, true);
    WallClockBreakdown serialTime = WallClockBreakdown.of(serial.trials());
    assertThat(serialTime.paidSeconds()).isCloseTo(s.askSeconds(), within(1e-9));
    assertThat(serialTime.hiddenSeconds()).isZero();
    assertThat(serialTime.latencySeconds()).isEqualTo(2.0 * 10);

    Study spec = study();
    RunReport p = run(spec, "random", flat, 10, true, 2.0, 1, true);
    WallClockBreakdown specTime = WallClockBreakdown.of(spec.trials());
    assertThat(specTime.evaluationSeconds()).isEqualTo(p.evalSeconds()).isEqualTo(1000.0);
    assertThat(specTime.paidSeconds()).isCloseTo(p.askSeconds(), within(1e-9));
    assertThat(specTime.hiddenSeconds()).isCloseTo(p.speculation().hiddenSeconds(), within(1e-9)).isPositive();
    assertThat(specTime.latencySeconds()).isEqualTo(2.0 * 10);
  }

  @Test
  void farPredictionsAreRejectedAndTheSelfTunerLoosensTau() {
    int[] calls = {0};
    // Values jump by orders of magnitude: the median never predicts within 10 %.
    Objective wild = (c, ctx) -> Evaluation.withCost(Math.pow(10, (calls[0]++ % 5)) * (1 + c.getDouble("x")), 10);
    Study spec = study();
    RunReport p = run(spec, "random", wild, 60, true, 0, 1, true);
    SpeculationStats stats = p.speculation();
    assertThat(stats.rejected()).isPositive();
    assertThat(stats.tauHistory()).hasSizeGreaterThan(1);
    double first = stats.tauHistory().get(0)[1];
    double last = stats.tauHistory().get(stats.tauHistory().size() - 1)[1];
    assertThat(last).isGreaterThan(first);
    assertThat(spec.trials()).hasSize(60).allMatch(Trial::isComplete);
    assertThat(new HashSet<>(spec.trials().stream().map(Trial::config).toList())).hasSize(60);
  }

  @Test
  void modelPredictionsDriveSpeculationWithSeveralWorkers() {
    Objective bowl = (c, ctx) -> Evaluation.withCost(Math.pow(c.getDouble("x") - 0.3, 2)
        + Math.pow(c.getDouble("y") - 0.6, 2) + 1.0, 50 + 40 * c.getDouble("x"));
    Study spec = study();
    RunReport p = run(spec, "gp", bowl, 30, true, 0, 2, true);
    SpeculationStats stats = p.speculation();
    assertThat(stats.accepted() + stats.rejected() + stats.missed()).isPositive();
    assertThat(spec.trials()).hasSize(30).allMatch(Trial::isComplete);
    assertThat(new HashSet<>(spec.trials().stream().map(Trial::config).toList())).hasSize(30);
  }

  @Test
  void onTheRealClockAcceptedPicksWereComputedWhileTheTrialRan() {
    Objective flat = (c, ctx) -> {
      Thread.sleep(40);
      return Evaluation.of(5.0);
    };
    Study spec = study();
    RunReport p = run(spec, "random", flat, 10, true, 0, 1, false);
    assertThat(p.speculation().accepted()).isPositive();
    assertThat(p.speculation().hiddenSeconds()).isPositive();
    assertThat(spec.trials()).hasSize(10).allMatch(Trial::isComplete);
    assertThat(spec.trials().get(9).attributes()).containsKey("speculation");
    @SuppressWarnings("unchecked")
    Map<String, Object> speculation = (Map<String, Object>) spec.trials().get(9).attributes().get("speculation");
    assertThat(speculation.keySet()).contains("predicted", "tau", "predictor");
  }
}
