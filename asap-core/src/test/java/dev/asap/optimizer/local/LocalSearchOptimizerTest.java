package dev.asap.optimizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.TrialState;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tool end to end: startup, polishing, other tools' incumbents, parallel workers, reproducibility. */
class LocalSearchOptimizerTest {
  private static final double[] OPT = {0.3, 0.7, 0.45, 0.6, 0.2};
  private static final SearchSpace CUBE5 = cube(5);

  private static SearchSpace cube(int d) {
    Parameter[] ps = new Parameter[d];
    for (int i = 0; i < d; i++) {
      ps[i] = FloatParameter.of("x" + i, 0, 1);
    }
    return SearchSpace.of(ps);
  }

  private static double quadratic(Config c) {
    double s = 0;
    for (int i = 0; i < OPT.length; i++) {
      s += Math.pow(c.getDouble("x" + i) - OPT[i], 2);
    }
    return s;
  }

  /** 30 uniform trials of another tool plus one near the optimum (regret 0.032). */
  private static Histories nearOptimum(long seed) {
    Random r = new Random(seed);
    Histories h = new Histories(CUBE5);
    for (int i = 0; i < 30; i++) {
      Config c = CUBE5.sample(r);
      h.add("sobol", TrialState.COMPLETE, quadratic(c), c);
    }
    double[] near = OPT.clone();
    for (int i = 0; i < near.length; i++) {
      near[i] += r.nextBoolean() ? 0.08 : -0.08;
    }
    Config c = CUBE5.decode(near);
    h.add("user", TrialState.COMPLETE, quadratic(c), c);
    return h;
  }

  private static double best(History h) {
    return h.completed().stream().mapToDouble(h::loss).min().orElseThrow();
  }

  @Test
  void isRegisteredAsLocal() {
    assertThat(Optimizers.names()).contains("local");
    assertThat(Optimizers.create("local", CUBE5, 1)).isInstanceOf(LocalSearchOptimizer.class);
  }

  @Test
  void polishesANearOptimalIncumbentMuchFasterThanRandomSearch() {
    double[] local = new double[5];
    double[] random = new double[5];
    for (int seed = 0; seed < 5; seed++) {
      Histories h = nearOptimum(seed);
      LocalSearchOptimizer o = new LocalSearchOptimizer(CUBE5, seed);
      for (int i = 0; i < 20; i++) {
        Config c = o.propose(h.history()).config();
        h.add("local", TrialState.COMPLETE, quadratic(c), c);
      }
      local[seed] = best(h.history());
      Histories u = nearOptimum(seed);
      Random r = new Random(100 + seed);
      for (int i = 0; i < 20; i++) {
        Config c = CUBE5.sample(r);
        u.add("random", TrialState.COMPLETE, quadratic(c), c);
      }
      random[seed] = best(u.history());
    }
    Arrays.sort(local);
    Arrays.sort(random);
    // The incumbent's regret is 0.032; 20 uniform samples in 5-D almost never beat it.
    assertThat(random[2]).isGreaterThan(0.03);
    assertThat(local[2]).isLessThan(random[2] / 10);
    assertThat(local[4]).isLessThan(random[2] / 4);
  }

  @Test
  void proposesSobolPointsUntilEnoughTrialsHaveCompletedThenPredictions() {
    LocalSearchOptimizer o = new LocalSearchOptimizer(CUBE5, 3);
    Histories h = new Histories(CUBE5);
    assertThat(LocalSearchOptimizer.startupTrials(5)).isEqualTo(11);
    assertThat(LocalSearchOptimizer.startupTrials(1)).isEqualTo(5);
    for (int i = 0; i < 15; i++) {
      Proposal p = o.propose(h.history());
      assertThat(p.tool()).isEqualTo("local");
      if (i < 11) {
        assertThat(p.prediction()).isNull();
      } else {
        assertThat(p.prediction()).isNotNull();
        assertThat(p.prediction().spread()).isFinite().isNotNegative();
      }
      h.add("local", TrialState.COMPLETE, quadratic(p.config()), p.config());
    }
  }

  @Test
  void polishesTheIncumbentFoundByAnotherTool() {
    Histories h = nearOptimum(7);
    History history = h.history();
    Config incumbent = history.completed().stream().min((a, b) -> Double.compare(history.loss(a), history.loss(b)))
        .orElseThrow().config();
    Proposal p = new LocalSearchOptimizer(CUBE5, 7).propose(history);
    MixedDistance d = new MixedDistance(CUBE5);
    assertThat(d.maxNorm(CUBE5.encode(p.config()), CUBE5.encode(incumbent)))
        .isLessThanOrEqualTo(TrustRegion.INITIAL_LENGTH / 2);
    // The prediction is of the loss near a good incumbent: small, and close to the truth.
    assertThat(p.prediction().mean()).isBetween(-0.05, 0.2);
    assertThat(Math.abs(p.prediction().mean() - quadratic(p.config()))).isLessThan(0.1);
  }

  @Test
  void predictsTheLossWhenMaximising() {
    Histories h = new Histories(CUBE5);
    Random r = new Random(8);
    for (int i = 0; i < 30; i++) {
      Config c = CUBE5.sample(r);
      h.add("sobol", TrialState.COMPLETE, 10 - quadratic(c), c);
    }
    Proposal p = new LocalSearchOptimizer(CUBE5, 8).propose(h.history(Direction.MAXIMIZE));
    // Loss = -value: about -10 plus a small regret (positive losses would mean the sign was lost).
    assertThat(p.prediction().mean()).isBetween(-10.5, -8.5);
  }

  @Test
  void givesParallelWorkersDistinctConfigsNearTheIncumbent() {
    Histories h = nearOptimum(9);
    LocalSearchOptimizer o = new LocalSearchOptimizer(CUBE5, 9);
    Set<Config> pending = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      Config c = o.propose(h.history()).config();
      assertThat(h.history().contains(c)).isFalse();
      pending.add(c);
      h.add("local", TrialState.RUNNING, null, c);
    }
    assertThat(pending).hasSize(6);
  }

  @Test
  void theSameSeedAndHistoryGiveTheSameProposalWhateverCameBefore() {
    Histories h = nearOptimum(10);
    LocalSearchOptimizer used = new LocalSearchOptimizer(CUBE5, 10);
    for (int i = 0; i < 5; i++) {
      Config c = used.propose(h.history()).config();
      h.add("local", TrialState.COMPLETE, quadratic(c), c);
    }
    History history = h.history();
    Proposal a = used.propose(history);
    Proposal b = new LocalSearchOptimizer(CUBE5, 10).propose(history);
    Proposal c = new LocalSearchOptimizer(CUBE5, 11).propose(history);
    assertThat(a.config()).isEqualTo(b.config());
    assertThat(a.prediction()).isEqualTo(b.prediction());
    assertThat(c.config()).isNotEqualTo(a.config());
  }
}
