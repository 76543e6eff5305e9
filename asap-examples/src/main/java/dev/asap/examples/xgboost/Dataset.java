package dev.asap.examples.xgboost;

import java.util.List;

/**
 * A dense table of float features with one class label per row; features are stored row-major, the layout
 * XGBoost's {@code DMatrix} takes.
 *
 * @param features    {@code rows * columns} values, row after row
 * @param labels      one class index per row
 * @param rows        number of rows
 * @param columns     number of features per row
 * @param classNames  the name of each class index
 */
public record Dataset(float[] features, float[] labels, int rows, int columns, List<String> classNames) {

  public Dataset {
    if (rows < 0 || columns < 1 || features.length != (long) rows * columns || labels.length != rows) {
      throw new IllegalArgumentException("inconsistent dataset shape: " + rows + " rows, " + columns
          + " columns, " + features.length + " feature values, " + labels.length + " labels");
    }
    classNames = List.copyOf(classNames);
  }

  /** The rows at {@code indices}, in that order. */
  public Dataset select(int[] indices) {
    float[] f = new float[indices.length * columns];
    float[] l = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(features, indices[i] * columns, f, i * columns, columns);
      l[i] = labels[indices[i]];
    }
    return new Dataset(f, l, indices.length, columns, classNames);
  }
}
