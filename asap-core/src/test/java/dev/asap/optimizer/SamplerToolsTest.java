package dev.asap.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.asap.tools.Optimizers;

/** Random and Sobol: valid configs under conditions, reproducible under a seed, no repeats. */
class SamplerToolsTest {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.log("lr", 1e-5, 1))
      .add(IntParameter.of("layers", 1, 4))
      .add(CategoricalParameter.of("opt", "adam", "sgd"))
      .add(FloatParameter.of("momentum", 0, 1))
      .add(OrdinalParameter.of("batch", 16L, 32L, 64L))
      .when("momentum", "opt", "sgd")
      .build();

  private static Optimizer tool(String name, SearchSpace space, long seed) {
    return Optimizers.create(name, space, seed);
  }

  private static List<Config> proposals(String name, SearchSpace space, long seed, int n) {
    Study study = Study.createOrOpen(new InMemoryStore(), "s", space, Direction.MINIMIZE);
    Optimizer o = tool(name, space, seed);
    List<Config> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Trial t = study.ask(o);
      out.add(t.config());
      study.tell(t.number(), i);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "sobol"})
  void proposesValidConfigsThatHonourConditions(String name) {
    for (Config c : proposals(name, SPACE, 7, 64)) {
      assertThat(SPACE.config(c.values())).isEqualTo(c);
      assertThat(c.has("momentum")).isEqualTo(c.get("opt").equals("sgd"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "sobol"})
  void isReproducibleUnderASeed(String name) {
    assertThat(proposals(name, SPACE, 11, 20)).isEqualTo(proposals(name, SPACE, 11, 20));
    assertThat(proposals(name, SPACE, 11, 20)).isNotEqualTo(proposals(name, SPACE, 12, 20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "sobol"})
  void neverRepeatsWhileTheSpaceHasUnseenConfigs(String name) {
    SearchSpace small = SearchSpace.of(IntParameter.of("a", 0, 4), CategoricalParameter.of("b", "x", "y"));
    List<Config> all = proposals(name, small, 3, 10);
    assertThat(new HashSet<>(all)).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "sobol"})
  void skipsPendingConfigs(String name) {
    SearchSpace small = SearchSpace.of(IntParameter.of("a", 0, 5));
    Study study = Study.createOrOpen(new InMemoryStore(), "s", small, Direction.MINIMIZE);
    Optimizer o = tool(name, small, 5);
    List<Config> pending = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pending.add(study.ask(o).config());
    }
    assertThat(new HashSet<>(pending)).hasSize(6);
  }

  @org.junit.jupiter.api.Test
  void sobolCoversTheCubeMoreEvenlyThanRandom() {
    SearchSpace square = SearchSpace.of(FloatParameter.of("x", 0, 1), FloatParameter.of("y", 0, 1));
    assertThat(emptyCells(proposals("sobol", square, 1, 64))).isLessThan(emptyCells(proposals("random", square, 1, 64)));
  }

  /** Cells of an 8x8 grid that no point hits: 0 for a perfectly stratified set of 64 points. */
  private static int emptyCells(List<Config> configs) {
    boolean[] hit = new boolean[64];
    for (Config c : configs) {
      int i = (int) Math.min(7, c.getDouble("x") * 8);
      int j = (int) Math.min(7, c.getDouble("y") * 8);
      hit[i * 8 + j] = true;
    }
    int empty = 0;
    for (boolean h : hit) {
      empty += h ? 0 : 1;
    }
    return empty;
  }
}
