package dev.asap.optimizer.forest;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Maps configs and unit-cube points to the forest's feature vectors.
 *
 * <p>Numeric parameters (float, int, ordinal) keep their unit coordinate, snapped to the value the point
 * decodes to; a categorical parameter with k choices becomes its index 0 … k-1. Inactive parameters are
 * imputed outside the active range, as SMAC does: -1 for numeric ones and an extra category k for
 * categorical ones, so that a tree can split on "inactive" like on any other value.
 *
 * <p>{@link #features(double[])} gives for a unit point the same vector as encoding its decoded config,
 * without building the config: acquisition optimisation scores thousands of points per proposal.
 */
final class FeatureEncoder {
  static final double INACTIVE = -1;

  /** How a parameter's coordinate behaves. */
  enum Kind {
    /** a float without a grid */
    CONTINUOUS,
    /** an int, or a float with a step: ordered values on a grid */
    GRID,
    /** ordered choices */
    ORDINAL,
    /** unordered choices */
    CATEGORICAL
  }

  private final SearchSpace space;
  private final Parameter[] parameters;
  private final Kind[] kinds;
  private final int[] cardinality;
  private final int[] order;
  private final Condition[] conditions;
  private final String[][] parents;
  private final boolean[] isParent;

  FeatureEncoder(SearchSpace space) {
    this.space = space;
    int d = space.dimension();
    this.parameters = space.parameters().toArray(new Parameter[0]);
    this.kinds = new Kind[d];
    this.cardinality = new int[d];
    this.conditions = new Condition[d];
    this.parents = new String[d][];
    this.isParent = new boolean[d];
    for (int i = 0; i < d; i++) {
      Parameter p = parameters[i];
      if (p instanceof CategoricalParameter c) {
        kinds[i] = Kind.CATEGORICAL;
        cardinality[i] = c.choices().size() + 1;
      } else if (p instanceof OrdinalParameter) {
        kinds[i] = Kind.ORDINAL;
      } else if (p instanceof IntParameter || (p instanceof FloatParameter f && f.step() != null)) {
        kinds[i] = Kind.GRID;
      } else {
        kinds[i] = Kind.CONTINUOUS;
      }
      conditions[i] = space.condition(p.name());
      parents[i] = conditions[i] == null ? new String[0] : conditions[i].parents().toArray(new String[0]);
      for (String parent : parents[i]) {
        isParent[space.indexOf(parent)] = true;
      }
    }
    this.order = parentsFirst();
  }

  int dimension() {
    return parameters.length;
  }

  Kind kind(int i) {
    return kinds[i];
  }

  Parameter parameter(int i) {
    return parameters[i];
  }

  /** Per feature: 0 for numeric, else the number of categories including the "inactive" one. */
  int[] cardinalities() {
    return cardinality.clone();
  }

  /** Number of choices of categorical parameter {@code i}. */
  int choices(int i) {
    return cardinality[i] - 1;
  }

  /** True when parameter {@code i} is a parent of some condition: moving it can (de)activate others. */
  boolean isParent(int i) {
    return isParent[i];
  }

  boolean isActive(int i, double[] features) {
    return kinds[i] == Kind.CATEGORICAL ? features[i] != cardinality[i] - 1 : features[i] != INACTIVE;
  }

  /** Features of a config, e.g. of an evaluated trial. */
  double[] encode(Config config) {
    double[] u = space.encode(config);
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = Double.isNaN(u[i]) ? inactive(i) : active(i, u[i]);
    }
    return x;
  }

  /** Features of the config that a unit-cube point decodes to. */
  double[] features(double[] unit) {
    double[] x = new double[unit.length];
    if (!space.hasConditions()) {
      for (int i = 0; i < x.length; i++) {
        x[i] = active(i, unit[i]);
      }
      return x;
    }
    Map<String, Object> values = new HashMap<>();
    for (int i : order) {
      if (!isActive(i, values)) {
        x[i] = inactive(i);
        continue;
      }
      x[i] = active(i, unit[i]);
      if (isParent[i]) {
        values.put(parameters[i].name(), parameters[i].fromUnit(unit[i]));
      }
    }
    return x;
  }

  /**
   * Features after coordinate {@code changed} of {@code unit} moved; {@code before} are the features of the
   * point before the move. Only a parent of a condition can change which parameters are active.
   */
  double[] update(double[] before, double[] unit, int changed) {
    if (isParent[changed]) {
      return features(unit);
    }
    double[] x = before.clone();
    if (isActive(changed, before)) {
      x[changed] = active(changed, unit[changed]);
    }
    return x;
  }

  /** The unit point of a config; inactive coordinates are drawn at random (used if a move activates them). */
  double[] unit(Config config, Random random) {
    double[] u = space.encode(config);
    for (int i = 0; i < u.length; i++) {
      if (Double.isNaN(u[i])) {
        u[i] = random.nextDouble();
      }
    }
    return u;
  }

  /** Unit coordinate of the grid value {@code steps} away from the one {@code unit} decodes to, or NaN. */
  double gridNeighbour(int i, double unit, int steps) {
    Parameter p = parameters[i];
    if (p instanceof IntParameter ip) {
      long v = (Long) ip.fromUnit(unit) + steps;
      return v < ip.low() || v > ip.high() ? Double.NaN : ip.toUnit(v);
    }
    FloatParameter f = (FloatParameter) p;
    double v = (Double) f.fromUnit(unit) + steps * f.step();
    if (v < f.low() - 1e-9 || v > f.high() + 1e-9) {
      return Double.NaN;
    }
    return f.toUnit(f.fromUnit((v - f.low()) / (f.high() - f.low())));
  }

  private boolean isActive(int i, Map<String, Object> values) {
    if (conditions[i] == null) {
      return true;
    }
    for (String parent : parents[i]) {
      if (!values.containsKey(parent)) {
        return false;
      }
    }
    return conditions[i].holds(values);
  }

  private double active(int i, double u) {
    double c = Math.min(1.0, Math.max(0.0, u));
    switch (kinds[i]) {
      case CATEGORICAL:
        int k = cardinality[i] - 1;
        return Math.min(k - 1, (int) Math.floor(c * k));
      case CONTINUOUS:
        return c;
      default:
        return parameters[i].toUnit(parameters[i].fromUnit(c));
    }
  }

  private double inactive(int i) {
    return kinds[i] == Kind.CATEGORICAL ? cardinality[i] - 1 : INACTIVE;
  }

  /** Parameter indices with every condition's parents before its child (the space has no cycles). */
  private int[] parentsFirst() {
    List<Integer> out = new ArrayList<>();
    Set<Integer> done = new HashSet<>();
    for (int i = 0; i < parameters.length; i++) {
      visit(i, done, out);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private void visit(int i, Set<Integer> done, List<Integer> out) {
    if (!done.add(i)) {
      return;
    }
    for (String parent : parents[i]) {
      visit(space.indexOf(parent), done, out);
    }
    out.add(i);
  }
}
