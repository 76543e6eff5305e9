package dev.asap.optimizer.gp;

import dev.asap.optimizer.feasibility.FeasibilityModel;
import dev.asap.optimizer.History;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Maximises an acquisition function over the search space.
 *
 * <p>Screening scores a randomly shifted Sobol design plus perturbations of the best trials (Optuna's GPSampler
 * and BoTorch's optimize_acqf likewise screen a few thousand raw samples before refining); then a
 * best-improvement neighbourhood search refines the top candidates: ±h steps on numeric coordinates (h shrinking
 * by quarters from 0.1 to about 1/1000 of the range), ±1 value on integer, ordinal and stepped parameters, every other choice of
 * categorical ones. Every candidate is decoded through the space, so it is a valid config honouring the
 * conditions and it is scored on its own encoding; configs the history holds (evaluated or pending) are never
 * considered.
 */
final class AcquisitionOptimizer {
  /** Scores feature vectors (higher is better). */
  interface Scorer {
    void score(double[][] features, int count, double[] out);
  }

  private record Candidate(double[] unit, Config config, double[] features) {}

  private static final int SOBOL = 1024;
  private static final int PERTURBED = 512;
  private static final int INCUMBENTS = 5;
  private static final int LOCAL_STARTS = 4;
  private static final int LOCAL_SWEEPS = 15;
  private static final double FIRST_STEP = 0.1;
  private static final double LAST_STEP = 1e-3;
  private static final double[] PERTURBATION_SCALES = {0.01, 0.05, 0.15};
  private static final int BITS = 52;
  private static final double SCALE = Math.pow(2, BITS);
  private final SearchSpace space;
  private final FeatureMap map;
  private final long[][] sobol;

  AcquisitionOptimizer(SearchSpace space, FeatureMap map) {
    this.space = space;
    this.map = map;
    int d = space.dimension();
    SobolSequenceGenerator generator = new SobolSequenceGenerator(Math.max(1, d));
    sobol = new long[SOBOL][d];
    for (int i = 0; i < SOBOL; i++) {
      double[] v = generator.nextVector();
      for (int j = 0; j < d; j++) {
        sobol[i][j] = (long) (v[j] * SCALE);
      }
    }
  }

  /**
   * The best unseen config found, or null when every config the search met was already in the history.
   *
   * @param incumbents unit coordinates (NaN where inactive) of the best trials, best first
   */
  Config maximise(Scorer scorer, History history, List<double[]> incumbents, Random random) {
    return maximise(scorer, FeasibilityModel.ALWAYS, history, incumbents, random);
  }

  /**
   * The same, with each candidate's score raised by log P(feasible) under {@code feasibility}: expected
   * improvement weighted by the probability that the config can run at all.
   */
  Config maximise(Scorer scorer, FeasibilityModel feasibility, History history, List<double[]> incumbents,
      Random random) {
    Set<Config> met = new HashSet<>();
    List<Candidate> pool = screeningPool(history, incumbents, random, met);
    if (pool.isEmpty()) {
      return null;
    }
    double[] scores = score(scorer, feasibility, pool);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(scores[b], scores[a]));
    Candidate best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < Math.min(LOCAL_STARTS, order.size()); s++) {
      Candidate c = pool.get(order.get(s));
      double cScore = scores[order.get(s)];
      double h = FIRST_STEP;
      for (int sweep = 0; sweep < LOCAL_SWEEPS && h >= LAST_STEP; sweep++) {
        List<Candidate> moves = neighbours(c, h, history, met);
        double[] ms = score(scorer, feasibility, moves);
        int arg = -1;
        for (int k = 0; k < ms.length; k++) {
          if (ms[k] > cScore && (arg < 0 || ms[k] > ms[arg])) {
            arg = k;
          }
        }
        if (arg >= 0) {
          c = moves.get(arg);
          cScore = ms[arg];
        } else {
          h /= 4;
        }
      }
      if (best == null || cScore > bestScore) {
        best = c;
        bestScore = cScore;
      }
    }
    return best.config();
  }

  /** The shifted Sobol design and the perturbations of the incumbents, unseen configs only. */
  private List<Candidate> screeningPool(History history, List<double[]> incumbents, Random random, Set<Config> met) {
    List<Candidate> pool = new ArrayList<>();
    int d = space.dimension();
    long[] shift = new long[d];
    for (int j = 0; j < d; j++) {
      shift[j] = random.nextLong() & ((1L << BITS) - 1);
    }
    for (long[] point : sobol) {
      double[] u = new double[d];
      for (int j = 0; j < d; j++) {
        u[j] = ((point[j] ^ shift[j]) + 0.5) / SCALE;
      }
      add(pool, u, history, met);
    }
    int bases = Math.min(INCUMBENTS, incumbents.size());
    for (int i = 0; i < PERTURBED && bases > 0; i++) {
      // Half of the perturbations go around the very best trial.
      double[] base = incumbents.get(i % 2 == 0 ? 0 : random.nextInt(bases));
      add(pool, perturb(base, random), history, met);
    }
    return pool;
  }

  private static double[] score(Scorer scorer, FeasibilityModel feasibility, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return new double[0];
    }
    double[][] f = new double[candidates.size()][];
    for (int i = 0; i < f.length; i++) {
      f[i] = candidates.get(i).features();
    }
    double[] out = new double[f.length];
    scorer.score(f, f.length, out);
    if (feasibility.learned()) {
      for (int i = 0; i < out.length; i++) {
        out[i] += feasibility.logProbability(candidates.get(i).config());
      }
    }
    return out;
  }

  /** Decodes {@code u} and keeps it when its config is new to the history and to this search. */
  private void add(List<Candidate> pool, double[] u, History history, Set<Config> met) {
    Candidate c = candidate(u, history, met);
    if (c != null) {
      pool.add(c);
    }
  }

  private Candidate candidate(double[] u, History history, Set<Config> met) {
    Config config = space.decode(u);
    if (history.contains(config) || !met.add(config) || !space.satisfies(config)) {
      return null;
    }
    double[] encoded = space.encode(config);
    double[] unit = encoded.clone();
    for (int j = 0; j < unit.length; j++) {
      // Inactive coordinates keep their raw value so that a later move activating them has one.
      if (Double.isNaN(unit[j])) {
        unit[j] = u[j];
      }
    }
    return new Candidate(unit, config, map.features(encoded));
  }

  private double[] perturb(double[] base, Random random) {
    int d = base.length;
    double scale = PERTURBATION_SCALES[random.nextInt(PERTURBATION_SCALES.length)];
    // In many dimensions perturb about five coordinates at a time (TuRBO perturbs about 20), else every move is far.
    double p = Math.min(1.0, 5.0 / d);
    int forced = random.nextInt(d);
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      double v = Double.isNaN(base[j]) ? random.nextDouble() : base[j];
      if (j == forced || random.nextDouble() < p) {
        Parameter param = space.parameters().get(j);
        if (param.isCategorical()) {
          v = random.nextDouble();
        } else {
          v = reflect(v + scale * random.nextGaussian());
        }
      }
      u[j] = v;
    }
    return u;
  }

  private List<Candidate> neighbours(Candidate c, double h, History history, Set<Config> met) {
    List<Candidate> out = new ArrayList<>();
    double[] u = c.unit();
    for (int j = 0; j < u.length; j++) {
      Parameter p = space.parameters().get(j);
      if (!c.config().has(p.name())) {
        continue;
      }
      if (p.isCategorical()) {
        int n = (int) p.cardinality();
        for (int k = 0; k < n; k++) {
          move(out, u, j, (k + 0.5) / n, history, met);
        }
        continue;
      }
      move(out, u, j, Math.min(1, u[j] + h), history, met);
      move(out, u, j, Math.max(0, u[j] - h), history, met);
      for (int step = -1; step <= 1; step += 2) {
        Object next = neighbour(p, c.config().get(p.name()), step);
        if (next != null) {
          move(out, u, j, p.toUnit(next), history, met);
        }
      }
    }
    return out;
  }

  private void move(List<Candidate> out, double[] u, int j, double value, History history, Set<Config> met) {
    if (value == u[j]) {
      return;
    }
    double[] v = u.clone();
    v[j] = value;
    add(out, v, history, met);
  }

  /** The next value up or down of a discrete numeric parameter, or null (continuous, or at the bound). */
  private static Object neighbour(Parameter p, Object value, int step) {
    if (p instanceof IntParameter ip) {
      long v = (Long) value + step;
      return v < ip.low() || v > ip.high() ? null : v;
    }
    if (p instanceof OrdinalParameter op) {
      int i = op.indexOf(value) + step;
      return i < 0 || i >= op.values().size() ? null : op.values().get(i);
    }
    if (p instanceof FloatParameter fp && fp.step() != null) {
      double v = (Double) value + step * fp.step();
      return v < fp.low() - 1e-9 * fp.step() || v > fp.high() + 1e-9 * fp.step() ? null
          : Math.min(fp.high(), Math.max(fp.low(), v));
    }
    return null;
  }

  private static double reflect(double v) {
    double r = Math.abs(v) % 2;
    return r > 1 ? 2 - r : r;
  }
}
