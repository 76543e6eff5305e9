package dev.asap.optimizer.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.optimizer.HistoryDriver;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A fork copies every part of the run deeply: forks that run long enough to move the margin, the categorical
 * distribution, the termination window and to restart, leave the original proposing exactly what a tool that
 * was never forked proposes, through its own margin corrections and restarts.
 */
class CmaEsForkTest {
  private static final SearchSpace SPACE = SearchSpace.of(IntParameter.of("a", 0, 10), IntParameter.of("b", 0, 10),
      FloatParameter.of("x", 0, 1), CategoricalParameter.of("kind", "p", "q", "r"));

  private static final ToDoubleFunction<Config> BOWL = c -> Math.pow(c.getLong("a") - 3, 2)
      + Math.pow(c.getLong("b") - 7, 2) + Math.pow(c.getDouble("x") - 0.4, 2)
      + (c.getString("kind").equals("r") ? 0 : 1);

  @Test
  void forksThatRunFarAheadLeaveTheOriginalAsIfNeverForked() {
    CmaEs original = new CmaEs(SPACE, 2);
    CmaEs neverForked = new CmaEs(SPACE, 2);
    HistoryDriver study = new HistoryDriver(SPACE);
    int forks = 0;
    for (int i = 0; i < 700; i++) {
      if (i % 90 == 7) {
        runElsewhere(original.fork(), study, i);
        forks++;
      }
      History history = study.history();
      Config expected = neverForked.propose(history).config();
      int n = study.ask(original);
      assertThat(study.config(n)).as("trial %d", n).isEqualTo(expected);
      // A bowl first (margin and categories at work), then a plateau, so that the run terminates and restarts.
      study.tell(n, i < 250 ? BOWL.applyAsDouble(study.config(n)) : 1.0);
    }
    assertThat(forks).isEqualTo(8);
    assertThat(original.restarts()).isPositive().isEqualTo(neverForked.restarts());
    assertThat(original.populationSize()).isEqualTo(neverForked.populationSize());
    assertThat(original.currentRun().gaussian().mean()).isEqualTo(neverForked.currentRun().gaussian().mean());
  }

  /** A fork told other results for long enough to tell generations, correct margins and restart. */
  private static void runElsewhere(CmaEs fork, HistoryDriver study, int salt) {
    HistoryDriver other = new HistoryDriver(SPACE);
    other.trials().addAll(study.trials());
    int restarts = fork.restarts();
    for (int j = 0; j < 2_000 && fork.restarts() == restarts; j++) {
      int n = other.ask(fork);
      if ((j + salt) % 11 == 0) {
        other.fail(n);
      } else {
        other.tell(n, j < 100 ? -BOWL.applyAsDouble(other.config(n)) : 1.0);
      }
    }
    assertThat(fork.restarts()).as("the fork ran long enough to restart").isGreaterThan(restarts);
  }
}
