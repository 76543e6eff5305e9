package dev.asap.optimizer.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpeGroupDecompositionTest {
  /** opt -> momentum (sgd, rmsprop) -> nothing; opt -> nesterov (sgd) -> dampening (nesterov = false). */
  static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("dampening", 0, 0.5))
      .add(FloatParameter.log("lr", 1e-5, 1))
      .add(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"))
      .add(FloatParameter.of("momentum", 0, 1))
      .add(CategoricalParameter.of("nesterov", true, false))
      .when("momentum", "opt", "sgd", "rmsprop")
      .when("nesterov", "opt", "sgd")
      .when("dampening", "nesterov", false)
      .build();

  private static List<EncodedTrial> encode(Config... configs) {
    EncodingCache cache = new EncodingCache(SPACE);
    List<EncodedTrial> out = new ArrayList<>();
    for (int i = 0; i < configs.length; i++) {
      out.add(cache.get(TpeTrials.complete(i, configs[i], i)));
    }
    return out;
  }

  private static final Config ADAM = TpeTrials.config(SPACE, "lr", 0.01, "opt", "adam");
  private static final Config RMSPROP = TpeTrials.config(SPACE, "lr", 0.01, "opt", "rmsprop", "momentum", 0.5);
  private static final Config NESTEROV = TpeTrials.config(SPACE, "lr", 0.01, "opt", "sgd", "momentum", 0.5,
      "nesterov", true);
  private static final Config DAMPENED = TpeTrials.config(SPACE, "lr", 0.01, "opt", "sgd", "momentum", 0.5,
      "nesterov", false, "dampening", 0.1);

  @Test
  void everyActiveStructureIsAUnionOfGroups() {
    List<int[]> groups = GroupDecomposition.of(encode(ADAM, RMSPROP, NESTEROV, DAMPENED, ADAM), 5);
    // lr and opt always; momentum under sgd and rmsprop; nesterov under sgd; dampening under nesterov=false.
    assertThat(groups).containsExactly(new int[] {0}, new int[] {1, 2}, new int[] {3}, new int[] {4});
  }

  @Test
  void parametersAlwaysActiveTogetherShareAGroup() {
    List<int[]> groups = GroupDecomposition.of(encode(DAMPENED, NESTEROV), 5);
    assertThat(groups).containsExactly(new int[] {0}, new int[] {1, 2, 3, 4});
  }

  @Test
  void neverActiveParametersFormTheirOwnGroup() {
    List<int[]> groups = GroupDecomposition.of(encode(ADAM, RMSPROP), 5);
    assertThat(groups).containsExactly(new int[] {0, 4}, new int[] {1, 2}, new int[] {3});
  }

  @Test
  void parentsComeBeforeChildren() {
    int[] order = ActivationOrder.of(SPACE);
    List<Integer> list = new ArrayList<>();
    for (int i : order) {
      list.add(i);
    }
    assertThat(list).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(list.indexOf(2)).as("opt before momentum").isLessThan(list.indexOf(3));
    assertThat(list.indexOf(2)).as("opt before nesterov").isLessThan(list.indexOf(4));
    assertThat(list.indexOf(4)).as("nesterov before dampening").isLessThan(list.indexOf(0));
  }
}
