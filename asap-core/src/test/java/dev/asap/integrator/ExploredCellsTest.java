package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExploredCellsTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1),
      CategoricalParameter.of("kind", "a", "b"));

  private final Study study = Study.createOrOpen(new InMemoryStore(), "cells", SPACE, Direction.MINIMIZE);

  private void told(double x, String kind, double value) {
    int n = study.enqueue(SPACE.config(Map.of("x", x, "kind", kind))).number();
    study.tell(n, value);
  }

  @Test
  void twoTrialsWithTheSameValueMarkTheBoxBetweenThem() {
    told(0.2, "a", 0.7);
    told(0.4, "a", 0.7);
    told(0.9, "a", 0.1);

    ExploredCells cells = ExploredCells.of(study.history());

    assertThat(cells.contains(SPACE.config(Map.of("x", 0.3, "kind", "a")))).isTrue();
    assertThat(cells.contains(SPACE.config(Map.of("x", 0.5, "kind", "a")))).isFalse();
    assertThat(cells.contains(SPACE.config(Map.of("x", 0.3, "kind", "b")))).as("another category").isFalse();
  }

  @Test
  void aBoxWithAnotherValueInsideIsNoCell() {
    told(0.2, "a", 0.7);
    told(0.6, "a", 0.7);
    told(0.4, "a", 0.3);

    assertThat(ExploredCells.of(study.history()).contains(SPACE.config(Map.of("x", 0.3, "kind", "a")))).isFalse();
  }

  @Test
  void aSmoothObjectiveHasNoCells() {
    for (int i = 0; i < 20; i++) {
      told(i / 20.0, i % 2 == 0 ? "a" : "b", Math.sin(i));
    }
    assertThat(ExploredCells.of(study.history()).isEmpty()).isTrue();
  }
}
