package dev.asap.optimizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.Prediction;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The neighbourhood GP: ranks a quadratic, knows where it is unsure, and honours fantasies. */
class LocalSurrogateTest {
  private static final SearchSpace CUBE3 = SearchSpace.of(FloatParameter.of("a", 0, 1), FloatParameter.of("b", 0, 1),
      FloatParameter.of("c", 0, 1));
  private static final MixedDistance DIST = new MixedDistance(CUBE3);
  private static final double[] OPT = {0.35, 0.6, 0.5};

  private static double quadratic(double[] x) {
    return 3 * Math.pow(x[0] - OPT[0], 2) + Math.pow(x[1] - OPT[1], 2) + 0.5 * Math.pow(x[2] - OPT[2], 2);
  }

  private static List<double[]> uniform(int n, Random r) {
    List<double[]> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()});
    }
    return xs;
  }

  private static LocalSurrogate fitQuadratic(List<double[]> xs) {
    double[] y = xs.stream().mapToDouble(LocalSurrogateTest::quadratic).toArray();
    return LocalSurrogate.fit(xs, y, xs.size(), DIST);
  }

  @Test
  void ranksAQuadraticAlmostPerfectly() {
    Random r = new Random(11);
    LocalSurrogate model = fitQuadratic(uniform(40, r));
    List<double[]> test = uniform(200, r);
    double[] truth = test.stream().mapToDouble(LocalSurrogateTest::quadratic).toArray();
    double[] predicted = test.stream().mapToDouble(x -> model.predict(x).mean()).toArray();
    assertThat(spearman(truth, predicted)).isGreaterThan(0.97);
    // The candidate of highest expected improvement is one of the truly best few.
    double[] ei = model.expectedImprovements(test);
    int pick = IntStream.range(0, ei.length).boxed().max(Comparator.comparingDouble(i -> ei[i])).orElseThrow();
    long better = Arrays.stream(truth).filter(t -> t < truth[pick]).count();
    assertThat(better).isLessThan(5);
    assertThat(ei[pick]).isCloseTo(model.expectedImprovement(test.get(pick)), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void isSureAtItsDataAndUnsureAwayFromIt() {
    Random r = new Random(12);
    List<double[]> xs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      // Data only in the lower corner of the cube.
      xs.add(new double[] {0.3 * r.nextDouble(), 0.3 * r.nextDouble(), 0.3 * r.nextDouble()});
    }
    LocalSurrogate model = fitQuadratic(xs);
    Prediction at = model.predict(xs.get(3));
    assertThat(at.mean()).isCloseTo(quadratic(xs.get(3)), org.assertj.core.data.Offset.offset(0.01));
    Prediction far = model.predict(new double[] {0.95, 0.95, 0.95});
    assertThat(far.spread()).isGreaterThan(10 * at.spread());
    assertThat(at.spread()).isFinite().isNotNegative();
  }

  @Test
  void aFantasyAtAPendingPointRemovesItsExpectedImprovement() {
    Random r = new Random(13);
    List<double[]> xs = uniform(25, r);
    double[] y = xs.stream().mapToDouble(LocalSurrogateTest::quadratic).toArray();
    double[] pending = {0.36, 0.58, 0.52};
    LocalSurrogate plain = LocalSurrogate.fit(xs, y, xs.size(), DIST);
    List<double[]> withFantasy = new ArrayList<>(xs);
    withFantasy.add(pending);
    double[] y2 = Arrays.copyOf(y, y.length + 1);
    y2[y.length] = Arrays.stream(y).min().orElseThrow();
    LocalSurrogate liar = LocalSurrogate.fit(withFantasy, y2, xs.size(), DIST);
    assertThat(plain.expectedImprovement(pending)).isGreaterThan(0);
    assertThat(liar.expectedImprovement(pending)).isLessThan(0.1 * plain.expectedImprovement(pending));
  }

  @Test
  void copesWithFlatLossesDuplicatesAndCategoricalCoordinates() {
    SearchSpace space = SearchSpace.of(CategoricalParameter.of("k", "p", "q", "r"), FloatParameter.of("x", 0, 1));
    MixedDistance dist = new MixedDistance(space);
    List<double[]> xs = List.of(new double[] {1 / 6.0, 0.2}, new double[] {1 / 6.0, 0.2}, new double[] {0.5, 0.2},
        new double[] {5 / 6.0, Double.NaN});
    LocalSurrogate flat = LocalSurrogate.fit(xs, new double[] {2, 2, 2, 2}, 4, dist);
    Prediction p = flat.predict(new double[] {0.5, 0.7});
    assertThat(p.mean()).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(p.spread()).isFinite().isNotNegative();
    LocalSurrogate varied = LocalSurrogate.fit(xs, new double[] {1, 1.2, 3, 5}, 4, dist);
    assertThat(varied.predict(new double[] {1 / 6.0, 0.2}).mean()).isLessThan(varied.predict(new double[] {0.5, 0.2}).mean());
    assertThat(varied.expectedImprovements(List.of(new double[] {5 / 6.0, 0.3}))[0]).isFinite().isNotNegative();
  }

  private static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double n = a.length;
    double d2 = 0;
    for (int i = 0; i < a.length; i++) {
      d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    }
    return 1 - 6 * d2 / (n * (n * n - 1));
  }

  private static double[] ranks(double[] v) {
    Integer[] idx = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    for (int k = 0; k < idx.length; k++) {
      r[idx[k]] = k;
    }
    return r;
  }
}
