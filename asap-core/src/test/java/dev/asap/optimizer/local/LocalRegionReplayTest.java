package dev.asap.optimizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.TrialState;
import org.junit.jupiter.api.Test;

/** The trust region as rebuilt from a history: opening, resizing, re-centring and restarting. */
class LocalRegionReplayTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1));
  private static final String LOCAL = LocalSearchOptimizer.NAME;

  private static RegionReplay.State replay(Histories h) {
    return RegionReplay.replay(h.history(), LOCAL, 5, 7, new Encodings(SPACE), new MixedDistance(SPACE));
  }

  /** Five startup trials by another tool; the best (loss 1) at (0.5, 0.5), the runner-up far away. */
  private static Histories startup() {
    return new Histories(SPACE)
        .complete("sobol", 5, 0.1, 0.1)
        .complete("sobol", 1, 0.5, 0.5)
        .complete("sobol", 4, 0.12, 0.9)
        .complete("sobol", 2, 0.9, 0.1)
        .complete("sobol", 6, 0.6, 0.95);
  }

  @Test
  void opensOnTheBestTrialOnceTheStartupTrialsHaveCompleted() {
    Histories h = new Histories(SPACE).complete("sobol", 3, 0.1, 0.1).complete("sobol", 1, 0.5, 0.5)
        .add("sobol", TrialState.RUNNING, null, 0.7, 0.7).complete("sobol", 2, 0.9, 0.9);
    assertThat(replay(h).open()).isFalse();
    h.complete("sobol", 4, 0.3, 0.8).complete("sobol", 5, 0.2, 0.6);
    RegionReplay.State s = replay(h);
    assertThat(s.open()).isTrue();
    assertThat(s.centre()).containsExactly(0.5, 0.5);
    assertThat(s.centreLoss()).isEqualTo(1);
    assertThat(s.region().length()).isEqualTo(TrustRegion.INITIAL_LENGTH);
  }

  @Test
  void ownFailuresShrinkTheRegionAndOwnImprovementsMoveItsCentre() {
    Histories h = startup();
    for (int i = 0; i < 4; i++) {
      h.complete(LOCAL, 3, 0.45 + 0.01 * i, 0.5);
    }
    assertThat(replay(h).region().length()).isEqualTo(0.4);
    h.complete(LOCAL, 0.5, 0.55, 0.52);
    RegionReplay.State s = replay(h);
    assertThat(s.centre()).containsExactly(0.55, 0.52);
    assertThat(s.centreLoss()).isEqualTo(0.5);
    assertThat(s.region().length()).isEqualTo(0.4);
  }

  @Test
  void failedAndPrunedTrialsOfTheToolCountAsFailures() {
    Histories h = startup();
    h.add(LOCAL, TrialState.FAILED, null, 0.45, 0.5).add(LOCAL, TrialState.PRUNED, 9.0, 0.46, 0.5)
        .add(LOCAL, TrialState.FAILED, null, 0.47, 0.5);
    assertThat(replay(h).region().length()).isEqualTo(0.8);
    h.add(LOCAL, TrialState.FAILED, null, 0.48, 0.5);
    assertThat(replay(h).region().length()).isEqualTo(0.4);
  }

  @Test
  void threeImprovementsInARowDoubleTheRegion() {
    Histories h = startup();
    h.complete(LOCAL, 0.9, 0.5, 0.51).complete(LOCAL, 0.8, 0.5, 0.52).complete(LOCAL, 0.7, 0.5, 0.53);
    assertThat(replay(h).region().length()).isEqualTo(1.6);
  }

  @Test
  void anotherToolsNewBestBecomesTheCentreAndKeepsTheRegionWhenInside() {
    Histories h = startup();
    for (int i = 0; i < 4; i++) {
      h.complete(LOCAL, 3, 0.45 + 0.01 * i, 0.5);
    }
    h.complete("tpe", 0.2, 0.6, 0.6);
    RegionReplay.State inside = replay(h);
    assertThat(inside.centre()).containsExactly(0.6, 0.6);
    assertThat(inside.region().length()).isEqualTo(0.4);
    h.complete("tpe", 0.1, 0.05, 0.95);
    RegionReplay.State outside = replay(h);
    assertThat(outside.centre()).containsExactly(0.05, 0.95);
    assertThat(outside.region().length()).isEqualTo(TrustRegion.INITIAL_LENGTH);
    // Another tool's trial that is not a new best leaves the region alone.
    h.complete("tpe", 0.15, 0.5, 0.5);
    assertThat(replay(h).centre()).containsExactly(0.05, 0.95);
  }

  @Test
  void aCollapsedRegionRestartsAroundTheBestTrialAwayFromTheRetiredCentre() {
    Histories h = startup();
    // A near-duplicate of the incumbent is too close to restart from; (0.9, 0.1) with loss 2 is the next.
    h.complete("sobol", 1.5, 0.55, 0.45);
    // 7 halvings of 4 failures each collapse the region (0.8 / 2^7 < 2^-7).
    for (int i = 0; i < 27; i++) {
      h.complete(LOCAL, 3, 0.5 + 0.001 * (i + 1), 0.5);
    }
    RegionReplay.State before = replay(h);
    assertThat(before.restarts()).isZero();
    assertThat(before.region().length()).isCloseTo(0.0125, within(1e-12));
    h.complete(LOCAL, 3, 0.4, 0.5);
    RegionReplay.State after = replay(h);
    assertThat(after.restarts()).isEqualTo(1);
    assertThat(after.centre()).containsExactly(0.9, 0.1);
    assertThat(after.centreLoss()).isEqualTo(2);
    assertThat(after.region().length()).isEqualTo(TrustRegion.INITIAL_LENGTH);
    // The new run's improvements are successes although they do not beat the overall best.
    h.complete(LOCAL, 1.9, 0.88, 0.12);
    assertThat(replay(h).centre()).containsExactly(0.88, 0.12);
  }

  @Test
  void withoutADistantTrialARestartGoesToAFreshPointThatTheNextResultAnchors() {
    Histories h = new Histories(SPACE);
    for (int i = 0; i < 5; i++) {
      h.complete("sobol", 1 + i, 0.5 + 0.01 * i, 0.5);
    }
    for (int i = 0; i < 28; i++) {
      h.complete(LOCAL, 9, 0.4 + 0.001 * i, 0.45);
    }
    RegionReplay.State s = replay(h);
    assertThat(s.restarts()).isEqualTo(1);
    assertThat(s.centreConfig()).isNull();
    assertThat(s.centreLoss()).isInfinite();
    assertThat(s.centre()).hasSize(2).doesNotContain(Double.NaN);
    h.complete(LOCAL, 20, 0.3, 0.3);
    RegionReplay.State anchored = replay(h);
    assertThat(anchored.centre()).containsExactly(0.3, 0.3);
    assertThat(anchored.centreLoss()).isEqualTo(20);
    assertThat(anchored.region().length()).isEqualTo(TrustRegion.INITIAL_LENGTH);
  }

  @Test
  void theStateDependsOnTheHistoryAloneAndIgnoresRunningTrials() {
    Histories h = startup();
    h.complete(LOCAL, 3, 0.45, 0.5).add(LOCAL, TrialState.RUNNING, null, 0.46, 0.5).complete(LOCAL, 0.5, 0.55, 0.5);
    RegionReplay.State a = replay(h);
    RegionReplay.State b = replay(h);
    assertThat(a.centre()).containsExactly(b.centre());
    assertThat(a.region().length()).isEqualTo(b.region().length());
    assertThat(a.centre()).containsExactly(0.55, 0.5);
    assertThat(a.completed()).hasSize(7);
  }
}
