package dev.asap.optimizer.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.tools.Optimizers;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reported violation lets the tools head for a feasible region too small to meet by chance. */
class ViolationSearchTest {
  private static final SearchSpace CUBE = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1),
      FloatParameter.of("z", 0, 1));
  /** A ball of radius 0.08 around (0.7, 0.3, 0.6): about 0.2 % of the cube, ~500 uniform draws per hit. */
  private static final double RADIUS = 0.08;

  private static Objective ball(boolean reportViolation) {
    return (c, ctx) -> {
      double d = Math.sqrt(Math.pow(c.getDouble("x") - 0.7, 2) + Math.pow(c.getDouble("y") - 0.3, 2)
          + Math.pow(c.getDouble("z") - 0.6, 2));
      if (d <= RADIUS) {
        return Evaluation.withCost(c.getDouble("x"), 60);
      }
      return reportViolation ? Evaluation.infeasible("outside the ball", 10.0, d - RADIUS)
          : Evaluation.infeasible("outside the ball", 10.0);
    };
  }

  private static int trialsToFeasible(String optimizer, long seed, boolean reportViolation) {
    Study study = Study.createOrOpen(new InMemoryStore(), "ball", CUBE, Direction.MINIMIZE);
    RunLoop.builder(study, ball(reportViolation)).optimizer(Optimizers.create(optimizer, CUBE, seed))
        .budget(Budget.trials(60)).simulate(true).build().run();
    List<Trial> trials = study.trials();
    for (int i = 0; i < trials.size(); i++) {
      if (trials.get(i).isComplete()) {
        return i + 1;
      }
    }
    return Integer.MAX_VALUE;
  }

  @Test
  void gpAndThePoolFindATinyFeasibleRegionByFollowingTheViolation() {
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(trialsToFeasible("gp", seed, true)).as("gp, seed " + seed).isLessThanOrEqualTo(60);
      assertThat(trialsToFeasible("asap", seed, true)).as("asap, seed " + seed).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void withoutAViolationTheSameRegionIsOnlyMetByChance() {
    int found = 0;
    for (long seed = 1; seed <= 3; seed++) {
      found += trialsToFeasible("gp", seed, false) <= 60 ? 1 : 0;
    }
    assertThat(found).isLessThan(3);
  }

  @Test
  void onlyAFiniteViolationAboveZeroCounts() {
    assertThat(Evaluation.infeasible("oom", null, 0.5).attributes()).containsEntry(Evaluation.VIOLATION, 0.5);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Evaluation.infeasible("oom", null, 0))
        .hasMessageContaining("finite number > 0");
  }
}
