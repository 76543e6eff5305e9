package dev.asap.optimizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Candidates around a centre: inside the region, valid under conditions, new, and masked like TuRBO's. */
class LocalPerturbationTest {
  static final SearchSpace CONDITIONAL = MixedSpaceFixture.SPACE;

  private static SearchSpace floats(int d) {
    Parameter[] ps = new Parameter[d];
    for (int i = 0; i < d; i++) {
      ps[i] = FloatParameter.of("x" + i, 0, 1);
    }
    return SearchSpace.of(ps);
  }

  @Test
  void numericCandidatesStayInsideTheBoxClippedToTheCube() {
    SearchSpace space = floats(5);
    double[] centre = {0.3, 0.05, 0.5, 0.97, 0.6};
    double length = 0.2;
    List<Perturbation.Candidate> cs = new Perturbation(space).around(centre, length, 300, new Random(1), c -> false);
    assertThat(cs).hasSizeGreaterThan(290);
    for (Perturbation.Candidate c : cs) {
      for (int i = 0; i < 5; i++) {
        assertThat(c.x()[i]).isBetween(Math.max(0, centre[i] - length / 2) - 1e-12,
            Math.min(1, centre[i] + length / 2) + 1e-12);
      }
    }
  }

  @Test
  void redrawsAboutTwentyCoordinatesInHighDimensions() {
    int d = 80;
    double[] centre = new double[d];
    java.util.Arrays.fill(centre, 0.5);
    Perturbation p = new Perturbation(floats(d));
    Random r = new Random(2);
    double[] x = new double[d];
    boolean[] mask = new boolean[d];
    int changed = 0;
    int n = 500;
    for (int k = 0; k < n; k++) {
      p.draw(centre, 0.4, r, x, mask);
      for (int i = 0; i < d; i++) {
        changed += x[i] != 0.5 ? 1 : 0;
      }
    }
    // Mask probability min(1, 20/d): 20 of 80 coordinates on average.
    assertThat(changed / (double) n).isBetween(18.0, 22.0);
  }

  @Test
  void evenATinyRegionReachesTheNeighbouringIntegers() {
    SearchSpace space = SearchSpace.of(IntParameter.of("n", 0, 10));
    Config five = space.config(Map.of("n", 5L));
    double[] centre = space.encode(five);
    Set<Object> values = new HashSet<>();
    for (Perturbation.Candidate c : new Perturbation(space).around(centre, 0.01, 200, new Random(3), five::equals)) {
      values.add(c.config().get("n"));
    }
    assertThat(values).containsExactlyInAnyOrder(4L, 6L);
  }

  @Test
  void categoriesFlipLessOftenAsTheRegionShrinks() {
    SearchSpace space = SearchSpace.of(CategoricalParameter.of("c", "a", "b", "c", "d"), FloatParameter.of("x", 0, 1));
    double[] centre = space.encode(space.config(Map.of("c", "b", "x", 0.5)));
    Perturbation p = new Perturbation(space);
    assertThat(flipRate(p, centre, 1.6)).isGreaterThan(0.95);
    assertThat(flipRate(p, centre, 0.4)).isBetween(0.18, 0.32);
    assertThat(flipRate(p, centre, 0.01)).isBetween(0.02, 0.08);
  }

  private static double flipRate(Perturbation p, double[] centre, double length) {
    Random r = new Random(4);
    double[] x = new double[centre.length];
    boolean[] mask = new boolean[centre.length];
    int flips = 0;
    int n = 2_000;
    for (int k = 0; k < n; k++) {
      p.draw(centre, length, r, x, mask);
      flips += x[0] != centre[0] ? 1 : 0;
    }
    return flips / (double) n;
  }

  @Test
  void candidatesAreValidUnderConditionsNewAndDistinct() {
    Config sgd = CONDITIONAL.config(Map.ofEntries(Map.entry("x", 1.0), Map.entry("lr", 1e-3),
        Map.entry("frac", 0.35), Map.entry("layers", 3L), Map.entry("units", 128L), Map.entry("batch", 64L),
        Map.entry("opt", "sgd"), Map.entry("momentum", 0.9), Map.entry("nesterov", false),
        Map.entry("dampening", 0.1)));
    Random r = new Random(5);
    Set<Config> excluded = new HashSet<>();
    excluded.add(sgd);
    for (int i = 0; i < 50; i++) {
      excluded.add(CONDITIONAL.sample(r));
    }
    Perturbation p = new Perturbation(CONDITIONAL);
    List<Perturbation.Candidate> cs = p.around(CONDITIONAL.encode(sgd), 0.8, 400, r, excluded::contains);
    assertThat(cs).isNotEmpty();
    Set<String> opts = new HashSet<>();
    for (Perturbation.Candidate c : cs) {
      Config cfg = c.config();
      assertThat(CONDITIONAL.config(cfg.values())).isEqualTo(cfg);
      assertThat(c.x()).containsExactly(CONDITIONAL.encode(cfg));
      assertThat(excluded).doesNotContain(cfg);
      assertThat(cfg.has("momentum")).isEqualTo(!cfg.getString("opt").equals("adam"));
      assertThat(cfg.has("dampening")).isEqualTo(cfg.has("nesterov") && cfg.get("nesterov").equals(false));
      opts.add(cfg.getString("opt"));
    }
    assertThat(new HashSet<>(cs.stream().map(Perturbation.Candidate::config).toList())).hasSameSizeAs(cs);
    // Flipping the optimizer switches momentum/nesterov/dampening on and off.
    assertThat(opts).contains("sgd", "adam", "rmsprop");
  }
}
