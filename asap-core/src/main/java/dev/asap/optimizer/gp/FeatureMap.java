package dev.asap.optimizer.gp;

import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;

/**
 * Turns unit-cube coordinates into kernel inputs: numeric features first, then categorical ones (the category
 * index, stored as a double). Each parameter has one lengthscale; {@link #group()} maps features to it.
 *
 * <p>Inactive parameters must be at distance zero from each other and, so that the model cannot read an
 * imputed number as "close to the low end", at one fixed distance from every active value. Categorical ones get
 * an extra "inactive" category (Hamming distance 1 to every choice). A numeric parameter that has a condition
 * is embedded as two features on an arc, (cos πu/3, sin πu/3), with the inactive value at the arc's centre:
 * distance exactly 1 to every active value, and 2 sin(π|u − v|/6) ≈ |u − v| between active ones (the arc
 * kernel of Swersky et al., "Raiders of the lost architecture", 2014). Unconditional numeric parameters keep
 * their unit coordinate (integer and ordinal ones included).
 */
final class FeatureMap {
  private static final double ARC = Math.PI / 3;
  private final int[] numericSource;
  private final boolean[] conditional;
  private final int[] categoricalSource;
  private final int[] categories;
  private final int numericFeatures;
  private final int[] group;

  FeatureMap(SearchSpace space) {
    int numeric = 0;
    for (Parameter p : space.parameters()) {
      numeric += p.isCategorical() ? 0 : 1;
    }
    numericSource = new int[numeric];
    conditional = new boolean[numeric];
    categoricalSource = new int[space.dimension() - numeric];
    categories = new int[categoricalSource.length];
    int n = 0;
    int c = 0;
    int features = 0;
    for (int i = 0; i < space.dimension(); i++) {
      Parameter p = space.parameters().get(i);
      if (p.isCategorical()) {
        categories[c] = (int) p.cardinality();
        categoricalSource[c++] = i;
      } else {
        conditional[n] = space.condition(p.name()) != null;
        features += conditional[n] ? 2 : 1;
        numericSource[n++] = i;
      }
    }
    numericFeatures = features;
    group = new int[numericFeatures + categoricalSource.length];
    int f = 0;
    for (int k = 0; k < numericSource.length; k++) {
      group[f++] = k;
      if (conditional[k]) {
        group[f++] = k;
      }
    }
    for (int k = 0; k < categoricalSource.length; k++) {
      group[f++] = numericSource.length + k;
    }
  }

  /** Number of numeric features (they come first). */
  int numeric() {
    return numericFeatures;
  }

  /** The lengthscale index of each feature. */
  int[] group() {
    return group.clone();
  }

  /** Number of lengthscales: one per parameter. */
  int lengthscales() {
    return numericSource.length + categoricalSource.length;
  }

  /** Features of an encoded config ({@code NaN} marks an inactive parameter). */
  double[] features(double[] unit) {
    double[] f = new double[group.length];
    int j = 0;
    for (int k = 0; k < numericSource.length; k++) {
      double u = unit[numericSource[k]];
      if (!conditional[k]) {
        f[j++] = u;
      } else if (Double.isNaN(u)) {
        j += 2;
      } else {
        f[j++] = Math.cos(ARC * u);
        f[j++] = Math.sin(ARC * u);
      }
    }
    for (int k = 0; k < categoricalSource.length; k++) {
      double u = unit[categoricalSource[k]];
      int n = categories[k];
      // Same binning as the categorical parameter's own decoding: choice i sits at (i + 0.5) / n.
      f[j++] = Double.isNaN(u) ? n : Math.min(n - 1, (int) Math.floor(u * n));
    }
    return f;
  }
}
