package dev.asap.examples.xgboost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a classification dataset in scikit-learn's bundled CSV layout: a header line
 * {@code rows,columns,className0,className1,...}, then one line per row holding the feature values followed
 * by the class index.
 */
public final class CsvDatasetLoader {

  private CsvDatasetLoader() {}

  /** Loads {@code resource} (an absolute classpath path such as {@code /dev/asap/.../data.csv}). */
  public static Dataset fromClasspath(String resource) {
    InputStream in = CsvDatasetLoader.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("dataset resource " + resource + " is not on the classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset " + resource, e);
    }
  }

  static Dataset read(BufferedReader reader, String source) throws IOException {
    String header = reader.readLine();
    if (header == null) {
      throw new IllegalStateException(source + ": empty file");
    }
    String[] head = header.split(",");
    if (head.length < 4) {
      throw new IllegalStateException(source + ": header must be 'rows,columns,class0,class1,...', got '"
          + header + "'");
    }
    int rows = Integer.parseInt(head[0].trim());
    int columns = Integer.parseInt(head[1].trim());
    List<String> classNames = Arrays.stream(head, 2, head.length).map(String::trim).toList();

    float[] features = new float[rows * columns];
    float[] labels = new float[rows];
    for (int r = 0; r < rows; r++) {
      String line = reader.readLine();
      int lineNumber = r + 2;
      if (line == null) {
        throw new IllegalStateException(source + ": header announces " + rows + " rows, file ends after " + r);
      }
      String[] cells = line.split(",");
      if (cells.length != columns + 1) {
        throw new IllegalStateException(source + " line " + lineNumber + ": expected " + (columns + 1)
            + " values, got " + cells.length);
      }
      for (int c = 0; c < columns; c++) {
        features[r * columns + c] = parse(cells[c], source, lineNumber);
      }
      float label = parse(cells[columns], source, lineNumber);
      if (label != Math.rint(label) || label < 0 || label >= classNames.size()) {
        throw new IllegalStateException(source + " line " + lineNumber + ": label " + cells[columns]
            + " is not a class index below " + classNames.size());
      }
      labels[r] = label;
    }
    return new Dataset(features, labels, rows, columns, classNames);
  }

  private static float parse(String cell, String source, int lineNumber) {
    try {
      return Float.parseFloat(cell.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(source + " line " + lineNumber + ": '" + cell + "' is not a number");
    }
  }
}
