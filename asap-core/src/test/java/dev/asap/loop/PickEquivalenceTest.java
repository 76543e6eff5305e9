package dev.asap.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.Proposal;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PickEquivalenceTest {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.log("lr", 1e-4, 1e-1))
      .add(IntParameter.of("layers", 1, 5))
      .add(CategoricalParameter.of("opt", "sgd", "adam"))
      .add(FloatParameter.of("momentum", 0, 1))
      .when("momentum", "opt", "sgd")
      .build();

  private static Proposal pick(String tool, double lr, long layers, String opt, Double momentum) {
    Map<String, Object> values = momentum == null ? Map.of("lr", lr, "layers", layers, "opt", opt)
        : Map.of("lr", lr, "layers", layers, "opt", opt, "momentum", momentum);
    return new Proposal(SPACE.config(values), tool, null, 0);
  }

  private static boolean equivalent(Proposal a, Proposal b) {
    return PickEquivalence.equivalent(SPACE, a, b);
  }

  @Test
  void identicalPicksOfOneToolAreEquivalent() {
    assertThat(equivalent(pick("gp", 0.01, 3, "sgd", 0.9), pick("gp", 0.01, 3, "sgd", 0.9))).isTrue();
  }

  @Test
  void aSmallNumericMoveKeepsThePickEquivalent() {
    // 0.011 instead of 0.010 is 0.014 of lr's log-range; 0.93 instead of 0.9 is 0.03 of momentum's range.
    assertThat(equivalent(pick("gp", 0.010, 3, "sgd", 0.90), pick("gp", 0.011, 3, "sgd", 0.93))).isTrue();
  }

  @Test
  void aLargeNumericMoveIsAnotherPick() {
    // 0.02 instead of 0.01 is 0.1 of lr's log-range.
    assertThat(equivalent(pick("gp", 0.01, 3, "sgd", 0.9), pick("gp", 0.02, 3, "sgd", 0.9))).isFalse();
    assertThat(equivalent(pick("gp", 0.01, 3, "sgd", 0.9), pick("gp", 0.01, 3, "sgd", 0.8))).isFalse();
  }

  @Test
  void oneIntegerStepIsAnotherPick() {
    assertThat(equivalent(pick("gp", 0.01, 3, "sgd", 0.9), pick("gp", 0.01, 4, "sgd", 0.9))).isFalse();
  }

  @Test
  void theSameConfigFromAnotherToolIsAnotherPick() {
    assertThat(equivalent(pick("gp", 0.01, 3, "sgd", 0.9), pick("tpe", 0.01, 3, "sgd", 0.9))).isFalse();
  }

  @Test
  void anotherCategoricalChoiceIsAnotherPick() {
    SearchSpace flat = SearchSpace.of(FloatParameter.of("x", 0, 1), CategoricalParameter.of("c", "a", "b"));
    Proposal a = new Proposal(flat.config(Map.of("x", 0.5, "c", "a")), "gp", null, 0);
    Proposal b = new Proposal(flat.config(Map.of("x", 0.5, "c", "b")), "gp", null, 0);
    assertThat(PickEquivalence.equivalent(flat, a, b)).isFalse();
  }

  @Test
  void aChangeInWhichParametersAreActiveIsAnotherPick() {
    // Switching the optimizer also switches momentum off.
    assertThat(equivalent(pick("gp", 0.01, 3, "sgd", 0.9), pick("gp", 0.01, 3, "adam", null))).isFalse();
    assertThat(equivalent(pick("gp", 0.01, 3, "adam", null), pick("gp", 0.011, 3, "adam", null))).isTrue();
  }

  @Test
  void aPickFarFromTheSerialOneStillAgreesWhenTheSerialModelExpectsAsMuchFromIt() {
    SearchSpace line = SearchSpace.of(FloatParameter.of("x", 0, 1));
    dev.asap.store.InMemoryStore store = new dev.asap.store.InMemoryStore();
    dev.asap.study.Study study = dev.asap.study.Study.createOrOpen(store, "s", line,
        dev.asap.trial.Direction.MINIMIZE);
    // Two equally good minima at 0.2 and 0.8: a GP fitted on samples of them sees two equal basins.
    for (double x : new double[] {0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0}) {
      dev.asap.trial.Trial t = study.enqueue(line.config(Map.of("x", x)));
      study.tell(t.number(), Math.min(Math.pow(x - 0.2, 2), Math.pow(x - 0.8, 2)));
    }
    dev.asap.optimizer.gp.GpOptimizer gp = new dev.asap.optimizer.gp.GpOptimizer(line, 1);
    Proposal serial = gp.propose(study.history());
    double x = serial.config().getDouble("x");
    Proposal mirror = new Proposal(line.config(Map.of("x", 1 - x)), "gp", null, 0);
    Proposal worst = new Proposal(line.config(Map.of("x", 0.5)), "gp", null, 0);

    assertThat(PickEquivalence.equivalent(line, serial, mirror)).as("far apart: %s and %s", x, 1 - x).isFalse();
    assertThat(PickEquivalence.asGoodUnderModel(gp, serial, mirror)).isTrue();
    assertThat(PickEquivalence.asGoodUnderModel(gp, serial, worst)).isFalse();
    assertThat(PickEquivalence.asGoodUnderModel(new dev.asap.optimizer.random.RandomSearch(1), serial, mirror))
        .as("a model that cannot score never vouches").isFalse();
  }
}
