package dev.asap.optimizer.local;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Candidate configs around a trust region's centre, TuRBO-style: each candidate copies the centre and
 * redraws a random subset of its coordinates inside the region.
 *
 * <ul>
 *   <li>Each coordinate is redrawn with probability min(1, 20/d) (at least one per candidate): TuRBO's
 *       perturbation mask, which keeps candidates near the centre in high dimensions where redrawing every
 *       coordinate would scatter them over the whole box.</li>
 *   <li>Numeric coordinates are drawn uniformly in the box of side {@code length} around the centre,
 *       clipped to the cube. For integers and ordinals the box reaches at least the neighbouring value,
 *       otherwise a small region would only ever decode back to the centre.</li>
 *   <li>A categorical coordinate flips to another category with probability {@code length / 1.6}
 *       (at least 5%), so a shrinking region changes categories more and more rarely, in the spirit of
 *       CASMOPOLITAN's Hamming-ball trust region (Wan et al. 2021).</li>
 *   <li>Coordinates of parameters inactive at the centre are drawn anew over the whole range, since the
 *       centre says nothing about them.</li>
 * </ul>
 * Candidates go through {@link SearchSpace#decode}, which rounds integers and drops the parameters their
 * conditions switch off, so every candidate is a valid config, and they are re-encoded so that the
 * surrogate scores the config that would really be run.
 */
final class Perturbation {
  private static final double MASK_DIMENSIONS = 20;
  private static final double MIN_FLIP = 0.05;
  private final SearchSpace space;
  private final double[][] categoryUnits;
  private final double[] minHalfWidth;
  private final double maskProbability;

  /** A candidate: its config and the config's encoding. */
  record Candidate(Config config, double[] x) {}

  Perturbation(SearchSpace space) {
    this.space = space;
    List<Parameter> ps = space.parameters();
    int d = ps.size();
    categoryUnits = new double[d][];
    minHalfWidth = new double[d];
    for (int i = 0; i < d; i++) {
      Parameter p = ps.get(i);
      if (p instanceof CategoricalParameter c) {
        categoryUnits[i] = new double[c.choices().size()];
        for (int k = 0; k < categoryUnits[i].length; k++) {
          categoryUnits[i][k] = c.toUnit(c.choices().get(k));
        }
      } else if (p.cardinality() != Long.MAX_VALUE) {
        // One value's bin is 1/cardinality wide (integers, ordinals, stepped floats).
        minHalfWidth[i] = 1.0 / p.cardinality();
      }
    }
    maskProbability = Math.min(1.0, MASK_DIMENSIONS / Math.max(1, d));
  }

  /** Probability that a redrawn categorical coordinate changes category, for a region of side {@code length}. */
  static double flipProbability(double length) {
    return Math.max(MIN_FLIP, Math.min(1.0, length / TrustRegion.MAX_LENGTH));
  }

  /**
   * Up to {@code count} distinct candidates around {@code centre}, leaving out every config
   * {@code excluded} rejects (the evaluated and pending ones, among them the centre).
   */
  List<Candidate> around(double[] centre, double length, int count, Random random, Predicate<Config> excluded) {
    int d = centre.length;
    List<Candidate> out = new ArrayList<>();
    Set<Config> taken = new HashSet<>();
    double[] x = new double[d];
    boolean[] mask = new boolean[d];
    for (int n = 0; n < count; n++) {
      draw(centre, length, random, x, mask);
      Config c = space.decode(x);
      if (taken.add(c) && !excluded.test(c)) {
        out.add(new Candidate(c, space.encode(c)));
      }
    }
    return out;
  }

  /** One raw point of the cube (before decoding) around {@code centre}. */
  void draw(double[] centre, double length, Random random, double[] x, boolean[] mask) {
    int d = centre.length;
    boolean any = false;
    for (int i = 0; i < d; i++) {
      mask[i] = random.nextDouble() < maskProbability;
      any |= mask[i];
    }
    if (!any && d > 0) {
      mask[random.nextInt(d)] = true;
    }
    double flip = flipProbability(length);
    for (int i = 0; i < d; i++) {
      double c = centre[i];
      if (Double.isNaN(c)) {
        x[i] = random.nextDouble();
      } else if (!mask[i]) {
        x[i] = c;
      } else if (categoryUnits[i] != null) {
        x[i] = random.nextDouble() < flip ? otherCategory(categoryUnits[i], c, random) : c;
      } else {
        double half = Math.max(length / 2, minHalfWidth[i]);
        double lo = Math.max(0, c - half);
        double hi = Math.min(1, c + half);
        x[i] = lo + random.nextDouble() * (hi - lo);
      }
    }
  }

  private static double otherCategory(double[] units, double current, Random random) {
    if (units.length < 2) {
      return current;
    }
    int k = random.nextInt(units.length - 1);
    // Skip the current category: draw among the others uniformly.
    int currentIndex = (int) Math.min(units.length - 1, Math.floor(current * units.length));
    return units[k >= currentIndex ? k + 1 : k];
  }
}
