package dev.asap.bench.task.yahpo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * YAHPO's {@code instance_target_statistics.csv}: the minimum and maximum of every target per scenario and
 * instance, whose best end is the optimum that normalised regret is measured against.
 */
public final class TargetStatistics {
  private final Map<String, Double> values;

  private TargetStatistics(Map<String, Double> values) {
    this.values = values;
  }

  /** Reads the CSV with columns {@code metric,statistic,value,scenario,instance}. */
  public static TargetStatistics read(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).trim().equals("metric,statistic,value,scenario,instance")) {
      throw new IllegalArgumentException(csv + ": expected the header metric,statistic,value,scenario,instance");
    }
    Map<String, Double> values = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 5) {
        throw new IllegalArgumentException(csv + ":" + (i + 1) + ": expected 5 fields, got " + f.length);
      }
      values.put(key(f[3], f[4], f[0], f[1]), Double.parseDouble(f[2]));
    }
    return new TargetStatistics(values);
  }

  public OptionalDouble max(String scenario, String instance, String metric) {
    return get(scenario, instance, metric, "max");
  }

  public OptionalDouble min(String scenario, String instance, String metric) {
    return get(scenario, instance, metric, "min");
  }

  private OptionalDouble get(String scenario, String instance, String metric, String statistic) {
    Double v = values.get(key(scenario, instance, metric, statistic));
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static String key(String scenario, String instance, String metric, String statistic) {
    return scenario + '\u0000' + instance + '\u0000' + metric + '\u0000' + statistic;
  }
}
