package dev.asap.optimizer.cmaes;

import dev.asap.space.Config;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * How a search space splits between the Gaussian (floats, integers, ordinals: every ordered parameter) and
 * the categorical distributions, and how the two halves map to and from the space's unit cube.
 */
final class Coordinates {
  private final int dimension;
  private final int[] numeric;
  private final int[] categorical;
  private final int[] sizes;
  private final String[] categoricalNames;
  private final Discretisation[] discretisations;

  Coordinates(SearchSpace space) {
    List<Integer> num = new ArrayList<>();
    List<Integer> cat = new ArrayList<>();
    List<Parameter> ps = space.parameters();
    for (int i = 0; i < ps.size(); i++) {
      (ps.get(i).isCategorical() ? cat : num).add(i);
    }
    this.dimension = ps.size();
    this.numeric = num.stream().mapToInt(Integer::intValue).toArray();
    this.categorical = cat.stream().mapToInt(Integer::intValue).toArray();
    this.sizes = new int[categorical.length];
    this.categoricalNames = new String[categorical.length];
    for (int k = 0; k < categorical.length; k++) {
      sizes[k] = (int) ps.get(categorical[k]).cardinality();
      categoricalNames[k] = ps.get(categorical[k]).name();
    }
    this.discretisations = new Discretisation[numeric.length];
    for (int j = 0; j < numeric.length; j++) {
      discretisations[j] = Discretisation.of(ps.get(numeric[j]));
    }
  }

  /** Number of Gaussian dimensions. */
  int numeric() {
    return numeric.length;
  }

  /** Number of choices of each categorical parameter. */
  int[] categorySizes() {
    return sizes.clone();
  }

  Discretisation[] discretisations() {
    return discretisations.clone();
  }

  /** True when every continuous Gaussian coordinate lies in [0, 1] (discrete ones decode by clamping). */
  boolean inBox(double[] x) {
    for (int j = 0; j < x.length; j++) {
      if (discretisations[j] == null && (x[j] < 0 || x[j] > 1)) {
        return false;
      }
    }
    return true;
  }

  /** Projects the continuous coordinates onto [0, 1]. */
  double[] clip(double[] x) {
    double[] out = x.clone();
    for (int j = 0; j < out.length; j++) {
      if (discretisations[j] == null) {
        out[j] = Math.min(1, Math.max(0, out[j]));
      }
    }
    return out;
  }

  /** The full unit-cube point for Gaussian coordinates {@code u} and categorical choices {@code choices}. */
  double[] unit(double[] u, int[] choices) {
    double[] point = new double[dimension];
    for (int j = 0; j < numeric.length; j++) {
      point[numeric[j]] = u[j];
    }
    for (int k = 0; k < categorical.length; k++) {
      // The centre of the choice's bin, as CategoricalParameter.toUnit encodes it.
      point[categorical[k]] = (choices[k] + 0.5) / sizes[k];
    }
    return point;
  }

  /** Gaussian coordinates of an encoded config; an inactive parameter takes {@code fill}'s coordinate. */
  double[] numericOf(double[] encoded, double[] fill) {
    double[] u = new double[numeric.length];
    for (int j = 0; j < numeric.length; j++) {
      double v = encoded[numeric[j]];
      u[j] = Double.isNaN(v) ? fill[j] : v;
    }
    return u;
  }

  /** Choices of an encoded config; -1 for an inactive categorical parameter. */
  int[] choicesOf(double[] encoded) {
    int[] c = new int[categorical.length];
    for (int k = 0; k < categorical.length; k++) {
      double v = encoded[categorical[k]];
      c[k] = Double.isNaN(v) ? -1 : Math.min(sizes[k] - 1, (int) Math.floor(v * sizes[k]));
    }
    return c;
  }

  /** {@code choices} with -1 where the decoded config leaves the parameter inactive (it then learns nothing). */
  int[] activeChoices(int[] choices, Config config) {
    int[] c = choices.clone();
    for (int k = 0; k < c.length; k++) {
      if (!config.has(categoricalNames[k])) {
        c[k] = -1;
      }
    }
    return c;
  }
}
