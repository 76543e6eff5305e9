package dev.asap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.space.Config;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticFunctionsTest {

  private static double at(SyntheticFunction f, double... x) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      values.put("x" + i, x[i]);
    }
    return f.value(f.space().config(values));
  }

  @Test
  void knownMinimisersGiveTheOptimum() {
    assertThat(at(SyntheticFunctions.branin(), Math.PI, 2.275)).isCloseTo(0.397887, within(1e-5));
    assertThat(at(SyntheticFunctions.sixHumpCamel(), 0.0898, -0.7126)).isCloseTo(-1.031628, within(1e-4));
    assertThat(at(SyntheticFunctions.hartmann3(), 0.114614, 0.555649, 0.852547)).isCloseTo(-3.86278, within(1e-4));
    assertThat(at(SyntheticFunctions.hartmann6(), 0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573))
        .isCloseTo(-3.32237, within(1e-4));
    assertThat(at(SyntheticFunctions.rosenbrock(4), 1, 1, 1, 1)).isZero();
    assertThat(at(SyntheticFunctions.ackley(5), 0, 0, 0, 0, 0)).isCloseTo(0, within(1e-12));
    assertThat(at(SyntheticFunctions.levy(10), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).isCloseTo(0, within(1e-12));
    double s = -2.903534;
    assertThat(at(SyntheticFunctions.styblinskiTang(8), s, s, s, s, s, s, s, s)).isCloseTo(-39.16617 * 8,
        within(1e-3));
    assertThat(at(SyntheticFunctions.michalewicz(5), 2.202906, 1.570796, 1.284992, 1.923058, 1.720470))
        .isCloseTo(-4.687658, within(1e-4));
    assertThat(at(SyntheticFunctions.rastrigin(6), 0, 0, 0, 0, 0, 0)).isCloseTo(0, within(1e-12));
    SyntheticFunction mixed = SyntheticFunctions.byName("mixed").orElseThrow();
    Config best = mixed.space().config(Map.of("x", 1.0, "lr", 0.01, "width", 20L, "units", 128L, "optimizer", "b",
        "momentum", 0.3));
    assertThat(mixed.value(best)).isCloseTo(0, within(1e-12));
  }

  @Test
  void noRandomPointBeatsTheOptimum() {
    Random r = new Random(1);
    for (SyntheticFunction f : SyntheticFunctions.all()) {
      for (int i = 0; i < 2_000; i++) {
        assertThat(f.value(f.space().sample(r))).as(f.name()).isGreaterThanOrEqualTo(f.optimum() - 1e-6);
      }
    }
  }

  @Test
  void namesAreUnique() {
    assertThat(new HashSet<>(SyntheticFunctions.all().stream().map(SyntheticFunction::name).toList()))
        .hasSize(SyntheticFunctions.all().size());
  }
}
