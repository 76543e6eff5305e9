package dev.asap.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.objective.Evaluation;
import dev.asap.tools.Optimizers;
import dev.asap.space.format.SpaceFormat;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Constraints declared on a space: checked when it is built, honoured by sampling and by every tool. */
class DeclaredConstraintsTest {
  private static final SearchSpace PARALLEL = SearchSpace.of(
      OrdinalParameter.of("tp", 1, 2, 4, 8), OrdinalParameter.of("pp", 1, 2, 4, 8, 16),
      OrdinalParameter.of("micro_batch", 1, 2, 4, 8, 16), FloatParameter.of("lr", 1e-4, 1e-1))
      .withConstraints(List.of("tp * pp <= 16", "64 % (micro_batch * tp) == 0 and micro_batch * tp <= 32"));

  @Test
  void samplesSatisfyEveryConstraint() {
    Random random = new Random(1);
    for (int i = 0; i < 500; i++) {
      Config c = PARALLEL.sample(random);
      assertThat(PARALLEL.satisfies(c)).isTrue();
      assertThat(((Number) c.get("tp")).longValue() * ((Number) c.get("pp")).longValue()).isLessThanOrEqualTo(16);
    }
  }

  @Test
  void anUnknownNameIsAnErrorThatSuggestsTheRightOne() {
    assertThatThrownBy(() -> PARALLEL.withConstraints(List.of("tp * ppp <= 64")))
        .isInstanceOf(InvalidSpaceException.class)
        .hasMessageContaining("constraint 'tp * ppp <= 64'")
        .hasMessageContaining("'ppp'")
        .hasMessageContaining("'pp'");
  }

  @Test
  void aConstraintNoConfigSatisfiesIsRefusedWhenTheSpaceIsBuilt() {
    assertThatThrownBy(() -> PARALLEL.withConstraints(List.of("tp > 8")))
        .isInstanceOf(InvalidSpaceException.class)
        .hasMessageContaining("no config satisfies the constraints")
        .hasMessageContaining("'tp > 8' rules out 100%");
  }

  @Test
  void constraintsSurviveTheStoredFormAndASpaceWithoutThemKeepsThePlainOne() {
    SearchSpace back = SpaceFormat.fromJson(SpaceFormat.toJson(PARALLEL));
    assertThat(back.constraints()).extracting(c -> c.text())
        .containsExactly("tp * pp <= 16", "64 % (micro_batch * tp) == 0 and micro_batch * tp <= 32");
    SearchSpace plain = SearchSpace.of(FloatParameter.of("x", 0, 1));
    assertThat(SpaceFormat.toJson(plain)).doesNotContain("constraints");
  }

  @Test
  void everyToolAndThePoolProposeOnlySatisfyingConfigs() {
    for (String name : Optimizers.names()) {
      Study study = Study.createOrOpen(new InMemoryStore(), name, PARALLEL, Direction.MINIMIZE);
      RunLoop.builder(study, (c, ctx) -> Evaluation.withCost(c.getDouble("lr") * c.getDouble("micro_batch"), 1))
          .optimizer(Optimizers.create(name, PARALLEL, 5)).budget(Budget.trials(25)).simulate(true).build().run();
      List<Trial> trials = study.trials();
      assertThat(trials).as(name).hasSize(25);
      assertThat(trials).as(name).allMatch(t -> PARALLEL.satisfies(t.config()));
    }
  }
}
