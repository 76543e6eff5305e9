package dev.asap.optimizer.forest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForestOptimizerTest {
  private static final SearchSpace SPACE = MixedSpaceFixture.SPACE;

  private static List<Trial> randomTrials(int n, long seed) {
    Random r = new Random(seed);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Config c = SPACE.sample(r);
      trials.add(MixedSpaceFixture.complete(i, c, MixedSpaceFixture.loss(c), "forest"));
    }
    return trials;
  }

  @Test
  void isRegisteredAndClaimsAModel() {
    assertThat(Optimizers.names()).contains("forest");
    assertThat(Optimizers.create("forest", SPACE, 1).predicts()).isTrue();
  }

  @Test
  void sameSeedAndHistoryGiveTheSameProposalAlsoAfterAResume() {
    List<Trial> trials = randomTrials(40, 1);
    ForestOptimizer running = new ForestOptimizer(SPACE, 9);
    // A long-lived instance has cached encodings and seen other histories before.
    running.propose(new History(SPACE, Direction.MINIMIZE, trials.subList(0, 30)));
    Proposal a = running.propose(new History(SPACE, Direction.MINIMIZE, trials));
    Proposal resumed = new ForestOptimizer(SPACE, 9).propose(new History(SPACE, Direction.MINIMIZE, trials));
    Proposal otherSeed = new ForestOptimizer(SPACE, 10).propose(new History(SPACE, Direction.MINIMIZE, trials));
    assertThat(resumed.config()).isEqualTo(a.config());
    assertThat(resumed.prediction()).isEqualTo(a.prediction());
    assertThat(otherSeed.config()).isNotEqualTo(a.config());
  }

  @Test
  void startsWithASobolDesignWithoutPredictions() {
    ForestOptimizer forest = new ForestOptimizer(SPACE, 3);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Proposal p = forest.propose(new History(SPACE, Direction.MINIMIZE, trials));
      assertThat(p.prediction()).isNull();
      assertThat(p.tool()).isEqualTo("forest");
      trials.add(MixedSpaceFixture.complete(i, p.config(), MixedSpaceFixture.loss(p.config()), "forest"));
    }
    assertThat(forest.propose(new History(SPACE, Direction.MINIMIZE, trials)).prediction()).isNotNull();
  }

  @Test
  void predictsTheLossInItsOriginalUnits() {
    // Losses in [1000, 1025] with the minimum at x = 0.7: a log-scale prediction reported as is would be near 0.
    SearchSpace line = SearchSpace.of(FloatParameter.of("x", 0, 1));
    Random r = new Random(2);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Config c = line.sample(r);
      trials.add(MixedSpaceFixture.complete(i, c, 1000 + 50 * Math.pow(c.getDouble("x") - 0.7, 2), "forest"));
    }
    ForestOptimizer forest = new ForestOptimizer(line, 5);
    for (int k = 0; k < 5; k++) {
      Proposal p = forest.propose(new History(line, Direction.MINIMIZE, trials));
      double truth = 1000 + 50 * Math.pow(p.config().getDouble("x") - 0.7, 2);
      assertThat(p.prediction().mean()).isBetween(995.0, 1030.0);
      assertThat(Math.abs(p.prediction().mean() - truth)).isLessThan(5);
      assertThat(p.prediction().spread()).isFinite().isGreaterThanOrEqualTo(0).isLessThan(15);
      trials.add(MixedSpaceFixture.complete(trials.size(), p.config(), truth, "forest"));
    }
  }

  @Test
  void maximisingStudiesAreModelledAsLosses() {
    SearchSpace line = SearchSpace.of(FloatParameter.of("x", 0, 1));
    Random r = new Random(4);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Config c = line.sample(r);
      trials.add(MixedSpaceFixture.complete(i, c, -Math.abs(c.getDouble("x") - 0.25), "forest"));
    }
    ForestOptimizer forest = new ForestOptimizer(line, 6);
    int near = 0;
    for (int k = 0; k < 10; k++) {
      Proposal p = forest.propose(new History(line, Direction.MAXIMIZE, trials));
      double x = p.config().getDouble("x");
      near += Math.abs(x - 0.25) < 0.15 ? 1 : 0;
      // The loss of a maximised value is its negation.
      assertThat(p.prediction().mean()).isBetween(0.0, 0.8);
      trials.add(MixedSpaceFixture.complete(trials.size(), p.config(), -Math.abs(x - 0.25), "forest"));
    }
    // Most proposals exploit the maximum; about one in five is an interleaved random config.
    assertThat(near).isGreaterThanOrEqualTo(6);
  }
}
