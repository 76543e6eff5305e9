package dev.asap.optimizer.local;

import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.List;

/**
 * Distances between unit-cube encodings of configs ({@link SearchSpace#encode}) that contain categorical
 * and inactive (NaN) coordinates.
 *
 * <p>Numeric coordinates (floats, integers, ordinals) differ by their difference in the cube. A categorical
 * coordinate has no order, so two different categories count as one fixed mismatch, as does a parameter
 * active in one config and inactive in the other (the overlap metric of SMAC's random forest and of
 * CASMOPOLITAN's Hamming kernel). Two inactive coordinates agree.
 */
public final class MixedDistance {
  /** Squared distance of one categorical or activity mismatch: a quarter of the cube's squared span. */
  static final double MISMATCH = 0.25;
  private static final double SAME = 1e-9;
  private final boolean[] categorical;

  public MixedDistance(SearchSpace space) {
    List<Parameter> ps = space.parameters();
    categorical = new boolean[ps.size()];
    for (int i = 0; i < categorical.length; i++) {
      categorical[i] = ps.get(i).isCategorical();
    }
  }

  int dimension() {
    return categorical.length;
  }

  boolean isCategorical(int dim) {
    return categorical[dim];
  }

  /** Squared distance, the quantity the surrogate's RBF kernel reads. */
  public double squared(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < categorical.length; i++) {
      double x = a[i];
      double y = b[i];
      boolean nx = Double.isNaN(x);
      boolean ny = Double.isNaN(y);
      if (nx || ny) {
        s += nx == ny ? 0 : MISMATCH;
      } else if (categorical[i]) {
        s += Math.abs(x - y) > SAME ? MISMATCH : 0;
      } else {
        double d = x - y;
        s += d * d;
      }
    }
    return s;
  }

  /**
   * Largest per-coordinate difference, with a mismatch counting as the whole cube (1): the norm in which a
   * trust region is a box.
   */
  double maxNorm(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < categorical.length; i++) {
      double x = a[i];
      double y = b[i];
      boolean nx = Double.isNaN(x);
      boolean ny = Double.isNaN(y);
      double d;
      if (nx || ny) {
        d = nx == ny ? 0 : 1;
      } else if (categorical[i]) {
        d = Math.abs(x - y) > SAME ? 1 : 0;
      } else {
        d = Math.abs(x - y);
      }
      m = Math.max(m, d);
    }
    return m;
  }
}
