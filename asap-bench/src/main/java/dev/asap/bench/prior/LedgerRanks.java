package dev.asap.bench.prior;

import dev.asap.integrator.ToolPrior;
import dev.asap.tools.Optimizers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The single tools' mean ranks in a benchmark ledger ({@code final.csv}: task, family, optimizer, seed, budget,
 * normalised_regret), from which {@link ToolPrior} is fitted. On each task the tools are ranked by their mean
 * normalised regret over seeds at one budget (ties share the mean of their ranks); a tool's mean rank averages
 * over the tasks of every family that is not left out. Only the single tools count: pools are what the prior
 * is for.
 */
public final class LedgerRanks {
  /** Each (task, family) → tool → the regrets of its seeds at the budget. */
  private final Map<String, String> familyOf;
  private final Map<String, Map<String, List<Double>>> regrets;

  private LedgerRanks(Map<String, String> familyOf, Map<String, Map<String, List<Double>>> regrets) {
    this.familyOf = familyOf;
    this.regrets = regrets;
  }

  /** Reads the rows of {@code finalCsv} at {@code budget}; an error names the file and what is missing. */
  public static LedgerRanks read(Path finalCsv, double budget) throws IOException {
    Map<String, String> familyOf = new TreeMap<>();
    Map<String, Map<String, List<Double>>> regrets = new TreeMap<>();
    Set<String> tools = Set.copyOf(Optimizers.toolNames());
    try (Reader in = Files.newBufferedReader(finalCsv, StandardCharsets.UTF_8);
        CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (String column : List.of("task", "family", "optimizer", "budget", "normalised_regret")) {
        if (!rows.getHeaderMap().containsKey(column)) {
          throw new IllegalArgumentException(finalCsv + " has no column '" + column + "': pass the final.csv of "
              + "a benchmark run");
        }
      }
      for (CSVRecord r : rows) {
        if (!tools.contains(r.get("optimizer")) || Double.parseDouble(r.get("budget")) != budget) {
          continue;
        }
        double regret = number(r.get("normalised_regret"));
        if (Double.isNaN(regret)) {
          continue;
        }
        familyOf.put(r.get("task"), r.get("family"));
        regrets.computeIfAbsent(r.get("task"), k -> new TreeMap<>())
            .computeIfAbsent(r.get("optimizer"), k -> new ArrayList<>()).add(regret);
      }
    }
    if (regrets.isEmpty()) {
      throw new IllegalArgumentException(finalCsv + " has no single-tool rows at budget " + budget);
    }
    return new LedgerRanks(familyOf, regrets);
  }

  /** A number as the report writes it: {@code inf} where a run never found a feasible config. */
  private static double number(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "nan", "" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** The families in the ledger. */
  public Set<String> families() {
    return Set.copyOf(familyOf.values());
  }

  /** Each tool's mean rank over the tasks whose family is not {@code leftOut} (null: every task). */
  public Map<String, Double> meanRanks(String leftOut) {
    Map<String, Double> sum = new TreeMap<>();
    Map<String, Integer> count = new TreeMap<>();
    for (Map.Entry<String, Map<String, List<Double>>> task : regrets.entrySet()) {
      if (familyOf.get(task.getKey()).equals(leftOut)) {
        continue;
      }
      Map<String, Double> mean = new LinkedHashMap<>();
      task.getValue().forEach((tool, r) -> mean.put(tool, r.stream().mapToDouble(Double::doubleValue).average()
          .orElseThrow()));
      for (Map.Entry<String, Double> tool : mean.entrySet()) {
        int below = 0;
        int equal = 0;
        for (double other : mean.values()) {
          below += other < tool.getValue() ? 1 : 0;
          equal += other == tool.getValue() ? 1 : 0;
        }
        // Ties share the mean of the ranks they span.
        sum.merge(tool.getKey(), below + (equal + 1) / 2.0, Double::sum);
        count.merge(tool.getKey(), 1, Integer::sum);
      }
    }
    if (sum.isEmpty()) {
      throw new IllegalArgumentException("leaving out '" + leftOut + "' leaves no task to fit a prior on");
    }
    Map<String, Double> out = new TreeMap<>();
    sum.forEach((tool, s) -> out.put(tool, s / count.get(tool)));
    return out;
  }

  /** The prior fitted on every family but {@code leftOut}. */
  public ToolPrior prior(String leftOut) {
    return ToolPrior.fromMeanRanks(meanRanks(leftOut));
  }
}
