package dev.asap.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GP tool end to end: resumes reproducibly, predicts in loss units, spreads pending proposals. */
class GpOptimizerTest {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("x", -2, 2))
      .add(FloatParameter.log("lr", 1e-4, 1))
      .add(IntParameter.of("depth", 1, 10))
      .add(CategoricalParameter.of("kind", "a", "b", "c"))
      .add(FloatParameter.of("extra", 0, 1))
      .when("extra", "kind", "b")
      .build();

  private static double loss(Config c) {
    double v = Math.pow(c.getDouble("x") - 0.5, 2) + Math.pow(Math.log10(c.getDouble("lr")) + 2, 2)
        + 0.1 * Math.abs(c.getLong("depth") - 4);
    v += c.getString("kind").equals("b") ? Math.pow(c.getDouble("extra") - 0.3, 2) : 0.5;
    return 100 * v * v;
  }

  private static Study run(Optimizer o, int n) {
    Study study = Study.createOrOpen(new InMemoryStore(), "gp", SPACE, Direction.MINIMIZE);
    for (int i = 0; i < n; i++) {
      Trial t = study.ask(o);
      study.tell(t.number(), loss(t.config()));
    }
    return study;
  }

  @Test
  void aResumedStudyGetsTheProposalsOfAnUninterruptedOne() {
    Optimizer continuous = Optimizers.create("gp", SPACE, 17);
    Study study = run(continuous, 24);
    History h = study.history();
    Proposal next = continuous.propose(h);
    Proposal resumed = Optimizers.create("gp", SPACE, 17).propose(h);
    assertThat(resumed.config()).isEqualTo(next.config());
    assertThat(resumed.prediction()).isEqualTo(next.prediction());
  }

  @Test
  void anExtendedModelProposesWhatAModelBuiltAfreshProposes() {
    // Past the posterior cap the model is a subset plus appended trials, grown by rank-one Cholesky updates.
    Study study = Study.createOrOpen(new InMemoryStore(), "large", SPACE, Direction.MINIMIZE);
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < DataPlan.POSTERIOR_CAP + 30; i++) {
      Trial t = study.enqueue(SPACE.sample(random));
      study.tell(t.number(), loss(t.config()));
    }
    Optimizer continuous = Optimizers.create("gp", SPACE, 2);
    for (int i = 0; i < 3; i++) {
      Trial t = study.ask(continuous);
      study.tell(t.number(), loss(t.config()));
    }
    History h = study.history();
    assertThat(Optimizers.create("gp", SPACE, 2).propose(h)).isEqualTo(continuous.propose(h));
  }

  @Test
  void beatsItsOwnStartupDesignAndPredictsInLossUnits() {
    Optimizer gp = Optimizers.create("gp", SPACE, 5);
    Study study = run(gp, 40);
    double startupBest = Double.POSITIVE_INFINITY;
    for (Trial t : study.trials().subList(0, 6)) {
      startupBest = Math.min(startupBest, t.value());
    }
    double best = study.best().orElseThrow().value();
    assertThat(best).isLessThan(startupBest / 10);
    Proposal p = gp.propose(study.history());
    assertThat(p.prediction()).isNotNull();
    double actual = loss(p.config());
    // A proposal near the optimum: the predicted loss is on the scale of the good losses, not the average one.
    assertThat(p.prediction().mean()).isLessThan(10 * Math.max(actual, best) + 1);
    assertThat(p.prediction().spread()).isPositive().isFinite();
  }

  @Test
  void pendingTrialsGetDistinctProposalsNearTheOptimum() {
    Optimizer gp = Optimizers.create("gp", SPACE, 8);
    Study study = run(gp, 25);
    Set<Config> proposals = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      proposals.add(study.ask(gp).config());
    }
    assertThat(proposals).hasSize(6);
  }
}
