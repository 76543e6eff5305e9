package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a piecewise-constant objective (a table of measured runs searched over continuous ranges, a value
 * rounded by the program) has already answered: the box spanned by two complete trials with exactly the same
 * value, when no trial of another value lies inside it. A config in such a box would almost surely return
 * that value again and teach nothing. On a smooth objective no two values are exactly equal, so there are no
 * boxes and nothing changes.
 *
 * <p>Boxes live in the space's unit-cube encoding: a numeric or ordinal coordinate must lie between the
 * corners', a categorical one must equal both, and inactive parameters (NaN) must be inactive everywhere.
 */
final class ExploredCells {
  /** Members of one value looked at, the most recent first: bounds the pairs on long studies. */
  static final int MAX_MEMBERS = 20;
  private static final double EPS = 1e-9;

  private final SearchSpace space;
  private final boolean[] categorical;
  private final List<double[][]> boxes;

  private ExploredCells(SearchSpace space, boolean[] categorical, List<double[][]> boxes) {
    this.space = space;
    this.categorical = categorical;
    this.boxes = boxes;
  }

  static ExploredCells of(History history) {
    SearchSpace space = history.space();
    boolean[] categorical = new boolean[space.parameters().size()];
    for (int i = 0; i < categorical.length; i++) {
      categorical[i] = space.parameters().get(i) instanceof CategoricalParameter;
    }
    Map<Double, List<double[]>> byValue = new LinkedHashMap<>();
    List<double[]> points = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Trial t : history.completed()) {
      if (t.value() != null) {
        double[] x = space.encode(t.config());
        points.add(x);
        values.add(t.value());
        byValue.computeIfAbsent(t.value(), v -> new ArrayList<>()).add(x);
      }
    }
    List<double[][]> boxes = new ArrayList<>();
    for (Map.Entry<Double, List<double[]>> group : byValue.entrySet()) {
      List<double[]> same = group.getValue();
      List<double[]> members = same.subList(Math.max(0, same.size() - MAX_MEMBERS), same.size());
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          double[][] box = {members.get(i), members.get(j)};
          if (oneStructure(box, categorical) && !holdsAnotherValue(box, categorical, points, values, group.getKey())) {
            boxes.add(box);
          }
        }
      }
    }
    return new ExploredCells(space, categorical, boxes);
  }

  /** True when {@code config} lies in a box whose corners returned the same value. */
  boolean contains(Config config) {
    if (boxes.isEmpty()) {
      return false;
    }
    double[] x = space.encode(config);
    for (double[][] box : boxes) {
      if (inside(box, categorical, x)) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return boxes.isEmpty();
  }

  private static boolean holdsAnotherValue(double[][] box, boolean[] categorical, List<double[]> points,
      List<Double> values, double value) {
    for (int k = 0; k < points.size(); k++) {
      if (values.get(k) != value && inside(box, categorical, points.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** The same active parameters and the same categorical choices: otherwise the two are no one cell. */
  private static boolean oneStructure(double[][] box, boolean[] categorical) {
    for (int i = 0; i < categorical.length; i++) {
      boolean inactive = Double.isNaN(box[0][i]);
      if (inactive != Double.isNaN(box[1][i]) || (!inactive && categorical[i] && box[0][i] != box[1][i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean inside(double[][] box, boolean[] categorical, double[] x) {
    for (int i = 0; i < categorical.length; i++) {
      double a = box[0][i];
      double b = box[1][i];
      if (Double.isNaN(a)) {
        if (!Double.isNaN(x[i])) {
          return false;
        }
      } else if (Double.isNaN(x[i]) || (categorical[i] ? x[i] != a
          : x[i] < Math.min(a, b) - EPS || x[i] > Math.max(a, b) + EPS)) {
        return false;
      }
    }
    return true;
  }
}
