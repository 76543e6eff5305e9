package dev.asap.optimizer.tpe;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;

/**
 * How TPE models one parameter's unit coordinate: continuous, a numeric grid (integers, ordinals, stepped
 * floats, whose unit interval is cut into bins that decode to one value each), or unordered categories.
 * Log parameters need nothing special: their unit coordinate is already in log space.
 */
final class UnitDimension {
  enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

  /**
   * Grids with more values than this are modelled as continuous: their bins are far narrower than any
   * kernel, and the bin width cancels in l(x) / g(x).
   */
  static final int MAX_GRID = 4096;

  private final Parameter parameter;
  private final Kind kind;
  private final int size;
  private final double[] centres;
  private final double[] edges;

  private UnitDimension(Parameter parameter, Kind kind, int size, double[] centres, double[] edges) {
    this.parameter = parameter;
    this.kind = kind;
    this.size = size;
    this.centres = centres;
    this.edges = edges;
  }

  static UnitDimension of(Parameter p) {
    if (p instanceof CategoricalParameter c) {
      return choices(p, Kind.CATEGORICAL, c.choices().size());
    }
    if (p instanceof OrdinalParameter o) {
      return choices(p, Kind.DISCRETE, o.values().size());
    }
    if (p instanceof IntParameter i && i.high() - i.low() >= 0 && i.high() - i.low() < MAX_GRID) {
      return integers(i);
    }
    if (p instanceof FloatParameter f && f.step() != null && f.cardinality() <= MAX_GRID) {
      return steps(f);
    }
    return new UnitDimension(p, Kind.CONTINUOUS, 0, null, null);
  }

  /** Choices occupy equal bins: value j decodes from [j/n, (j+1)/n). */
  private static UnitDimension choices(Parameter p, Kind kind, int n) {
    double[] centres = new double[n];
    double[] edges = new double[n + 1];
    for (int j = 0; j < n; j++) {
      centres[j] = (j + 0.5) / n;
      edges[j] = (double) j / n;
    }
    edges[n] = 1;
    return new UnitDimension(p, kind, n, centres, edges);
  }

  /** Integer v decodes from the unit image of [v - 0.5, v + 0.5] (in log space for log integers). */
  private static UnitDimension integers(IntParameter p) {
    int n = (int) (p.high() - p.low() + 1);
    double lo = p.log() ? Math.log(p.low() - 0.5) : p.low() - 0.5;
    double hi = p.log() ? Math.log(p.high() + 0.5) : p.high() + 0.5;
    double[] centres = new double[n];
    double[] edges = new double[n + 1];
    for (int j = 0; j < n; j++) {
      long v = p.low() + j;
      centres[j] = p.toUnit(v);
      double left = v - 0.5;
      edges[j] = j == 0 ? 0 : ((p.log() ? Math.log(left) : left) - lo) / (hi - lo);
    }
    edges[n] = 1;
    return new UnitDimension(p, Kind.DISCRETE, n, centres, edges);
  }

  /** A stepped float rounds to the nearest grid value, so bins end halfway between grid values. */
  private static UnitDimension steps(FloatParameter p) {
    int n = (int) p.cardinality();
    double range = p.high() - p.low();
    double[] centres = new double[n];
    double[] edges = new double[n + 1];
    for (int j = 0; j < n; j++) {
      centres[j] = Math.min(1, j * p.step() / range);
      edges[j] = j == 0 ? 0 : Math.min(1, (j - 0.5) * p.step() / range);
    }
    edges[n] = 1;
    return new UnitDimension(p, Kind.DISCRETE, n, centres, edges);
  }

  Kind kind() {
    return kind;
  }

  /** Number of grid values or categories (0 when continuous). */
  int size() {
    return size;
  }

  /** The grid value or category that unit coordinate {@code u} decodes to (-1 when continuous). */
  int level(double u) {
    if (kind == Kind.CONTINUOUS) {
      return -1;
    }
    if (parameter instanceof IntParameter i) {
      return (int) ((Long) i.fromUnit(u) - i.low());
    }
    if (parameter instanceof FloatParameter f) {
      int j = (int) Math.round(((Double) f.fromUnit(u) - f.low()) / f.step());
      return Math.min(size - 1, Math.max(0, j));
    }
    return Math.min(size - 1, (int) Math.floor(Math.min(1, Math.max(0, u)) * size));
  }

  /** The unit coordinate that encodes grid value or category {@code j}. */
  double centre(int j) {
    return centres[j];
  }

  /** Lower end of the bin of grid value {@code j}. */
  double lower(int j) {
    return edges[j];
  }

  /** Upper end of the bin of grid value {@code j}. */
  double upper(int j) {
    return edges[j + 1];
  }
}
