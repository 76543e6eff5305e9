package dev.asap.optimizer.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpeSearchTest {
  private static final SearchSpace PLANE = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1));

  private static double bowl(Config c) {
    return Math.pow(c.getDouble("x") - 0.3, 2) + Math.pow(c.getDouble("y") - 0.7, 2);
  }

  private static Study study(Optimizer o, int completed) {
    Study study = Study.createOrOpen(new InMemoryStore(), "s", PLANE, Direction.MINIMIZE);
    for (int i = 0; i < completed; i++) {
      Trial t = study.ask(o);
      study.tell(t.number(), bowl(t.config()));
    }
    return study;
  }

  @Test
  void isRegisteredAndHasNoModelToPredictWith() {
    Optimizer o = Optimizers.create("tpe", PLANE, 1);
    assertThat(o).isInstanceOf(TpeSearch.class);
    assertThat(o.name()).isEqualTo("tpe");
    assertThat(o.predicts()).isFalse();
  }

  @Test
  void startsWithTheSobolSequence() {
    Study a = study(new TpeSearch(4), 10);
    Study b = study(Optimizers.create("sobol", PLANE, 4), 10);
    for (int i = 0; i < 10; i++) {
      assertThat(a.trials().get(i).config()).isEqualTo(b.trials().get(i).config());
    }
  }

  @Test
  void aNewInstanceGivesTheSameProposalForTheSameHistory() {
    TpeSearch running = new TpeSearch(7);
    Study study = study(running, 30);
    History h = study.history();
    Config next = running.propose(h).config();
    assertThat(new TpeSearch(7).propose(h).config()).isEqualTo(next);
    assertThat(new TpeSearch(8).propose(h).config()).isNotEqualTo(next);
  }

  @Test
  void concentratesNearTheOptimumOnceTheModelTakesOver() {
    Study study = study(new TpeSearch(3), 60);
    // A disc of radius 0.15 covers 7 % of the square; uniform sampling would put about 2 of 30 trials in it.
    long near = study.trials().subList(30, 60).stream().filter(t -> Math.sqrt(bowl(t.config())) < 0.15).count();
    assertThat(near).isGreaterThanOrEqualTo(12);
  }

  @Test
  void constantLiarSpreadsPendingProposals() {
    double withLiar = 0;
    double withoutLiar = 0;
    for (long seed = 1; seed <= 5; seed++) {
      withLiar += pendingNearestNeighbour(TpeSettings.defaults(), seed);
      withoutLiar += pendingNearestNeighbour(TpeSettings.defaults().withConstantLiar(false), seed);
    }
    assertThat(withLiar).isGreaterThan(1.5 * withoutLiar);
  }

  /**
   * Mean distance from each of 8 proposals made while all 8 are pending (after 40 completed trials) to the
   * nearest other one: small when workers pile onto the same spot.
   */
  private static double pendingNearestNeighbour(TpeSettings settings, long seed) {
    TpeSearch o = new TpeSearch(seed, settings);
    Study study = study(o, 40);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Config c = study.ask(o).config();
      points.add(new double[] {c.getDouble("x"), c.getDouble("y")});
    }
    double sum = 0;
    for (double[] p : points) {
      double nearest = Double.POSITIVE_INFINITY;
      for (double[] q : points) {
        if (q != p) {
          nearest = Math.min(nearest, Math.hypot(p[0] - q[0], p[1] - q[1]));
        }
      }
      sum += nearest / points.size();
    }
    return sum;
  }
}
