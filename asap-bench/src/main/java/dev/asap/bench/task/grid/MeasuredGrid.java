package dev.asap.bench.task.grid;

import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.task.TaskReference;
import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialFailedException;
import dev.asap.space.Config;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A table of real training runs measured on a full grid: each row a config, its metric and its measured
 * time. The space is ordinal over each input column's grid values (integral columns as integers); a config
 * evaluates to its row's metric at a cost of its measured time. A config measured more than once takes the
 * mean of its measurements.
 */
public final class MeasuredGrid {
  private final String name;
  private final SearchSpace space;
  private final List<String> inputs;
  private final Map<List<Object>, double[]> rows;
  private final List<List<Object>> levels;
  private final double minimum;

  private MeasuredGrid(String name, SearchSpace space, List<String> inputs, Map<List<Object>, double[]> rows,
      List<List<Object>> levels) {
    this.name = name;
    this.space = space;
    this.inputs = inputs;
    this.rows = rows;
    this.levels = levels;
    this.minimum = rows.values().stream().mapToDouble(r -> r[0]).min().orElseThrow();
  }

  /**
   * Reads a CSV with a header row.
   *
   * @param inputs the columns that form the config, in order
   * @param metric the column to minimise
   * @param time   the column of measured seconds
   */
  public static MeasuredGrid read(String name, Path csv, List<String> inputs, String metric, String time) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (lines.size() < 2) {
      throw new IllegalArgumentException(csv + ": expected a header and at least one row");
    }
    List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
    int[] in = inputs.stream().mapToInt(c -> column(csv, header, c)).toArray();
    int m = column(csv, header, metric);
    int t = column(csv, header, time);
    List<double[]> numbers = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != header.size()) {
        throw new IllegalArgumentException(csv + ":" + (i + 1) + ": expected " + header.size() + " fields, got "
            + f.length);
      }
      numbers.add(Arrays.stream(f).mapToDouble(s -> Double.parseDouble(s.trim())).toArray());
    }
    List<List<Object>> levels = new ArrayList<>();
    SearchSpace.Builder b = SearchSpace.builder();
    for (int c = 0; c < in.length; c++) {
      List<Object> values = levels(numbers, in[c]);
      levels.add(values);
      b.add(new OrdinalParameter(inputs.get(c), values));
    }
    Map<List<Object>, double[]> sums = new HashMap<>();
    for (double[] row : numbers) {
      List<Object> key = new ArrayList<>(in.length);
      for (int c = 0; c < in.length; c++) {
        key.add(level(levels.get(c), row[in[c]]));
      }
      double[] s = sums.computeIfAbsent(List.copyOf(key), k -> new double[3]);
      s[0] += row[m];
      s[1] += row[t];
      s[2]++;
    }
    Map<List<Object>, double[]> rows = new HashMap<>();
    sums.forEach((k, s) -> rows.put(k, new double[] {s[0] / s[2], s[1] / s[2]}));
    return new MeasuredGrid(name, b.build(), List.copyOf(inputs), rows, List.copyOf(levels));
  }

  public SearchSpace space() {
    return space;
  }

  /** The smallest metric in the table. */
  public double minimum() {
    return minimum;
  }

  /** Distinct configs measured. */
  public int size() {
    return rows.size();
  }

  /** The metric and measured seconds of a config; fails for a config the grid does not hold. */
  public Evaluation evaluate(Config config) throws TrialFailedException {
    List<Object> key = new ArrayList<>(inputs.size());
    for (String p : inputs) {
      key.add(config.get(p));
    }
    double[] row = rows.get(key);
    if (row == null) {
      throw new TrialFailedException("config " + config + " was not measured in the " + name + " grid");
    }
    return Evaluation.withCost(row[0], row[1]);
  }

  /** This grid as a benchmark task whose optimum is the table minimum. */
  public BenchmarkTask task(String family) {
    return new BenchmarkTask(name, family, space, Direction.MINIMIZE, (config, context) -> evaluate(config),
        minimum, TaskReference.DEFAULT_SAMPLES);
  }

  /**
   * This grid declared as a user would who does not know the grid: each input a continuous range from its
   * smallest to its largest measured value (log scale when positive and spanning two decades or more), and a
   * config evaluated at the nearest measured level of each input. The objective is then piecewise constant,
   * as a table of real runs is to any tool that searches a continuous range.
   */
  public BenchmarkTask continuousTask(String family) {
    SearchSpace.Builder b = SearchSpace.builder();
    boolean[] log = new boolean[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      double lo = number(levels.get(c).get(0));
      double hi = number(levels.get(c).get(levels.get(c).size() - 1));
      log[c] = lo > 0 && hi / lo >= 100;
      b.add(log[c] ? dev.asap.space.FloatParameter.log(inputs.get(c), lo, hi)
          : dev.asap.space.FloatParameter.of(inputs.get(c), lo, hi));
    }
    return new BenchmarkTask(name + "-continuous", family, b.build(), Direction.MINIMIZE, (config, context) -> {
      Map<String, Object> nearest = new HashMap<>();
      for (int c = 0; c < inputs.size(); c++) {
        nearest.put(inputs.get(c), nearestLevel(levels.get(c), config.getDouble(inputs.get(c)), log[c]));
      }
      return evaluate(space.config(nearest));
    }, minimum, TaskReference.DEFAULT_SAMPLES);
  }

  private static Object nearestLevel(List<Object> levels, double x, boolean log) {
    Object best = levels.get(0);
    double bestDistance = Double.POSITIVE_INFINITY;
    for (Object level : levels) {
      double v = number(level);
      double d = log ? Math.abs(Math.log(v) - Math.log(x)) : Math.abs(v - x);
      if (d < bestDistance) {
        best = level;
        bestDistance = d;
      }
    }
    return best;
  }

  private static double number(Object level) {
    return ((Number) level).doubleValue();
  }

  private static int column(Path csv, List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(csv + ": no column '" + name + "'; the header has " + header);
    }
    return i;
  }

  /** Sorted distinct values of a column: Long when all are integral, else Double. */
  private static List<Object> levels(List<double[]> numbers, int column) {
    TreeSet<Double> distinct = new TreeSet<>();
    numbers.forEach(r -> distinct.add(r[column]));
    boolean integral = distinct.stream().allMatch(v -> v == Math.rint(v) && Math.abs(v) < 1e15);
    List<Object> out = new ArrayList<>();
    for (double v : distinct) {
      out.add(integral ? (Object) (long) v : (Object) v);
    }
    return out;
  }

  private static Object level(List<Object> levels, double v) {
    Object first = levels.get(0);
    return first instanceof Long ? (Object) (long) v : (Object) v;
  }

  /** The parameters' names, in column order. */
  public List<String> inputs() {
    return inputs;
  }

  @Override
  public String toString() {
    return "MeasuredGrid[" + name + ", " + rows.size() + " configs over " + space.parameters().stream()
        .map(Parameter::name).toList() + "]";
  }
}
