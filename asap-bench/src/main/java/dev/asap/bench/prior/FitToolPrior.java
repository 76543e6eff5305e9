package dev.asap.bench.prior;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the judge's tool prior from a benchmark ledger and writes it as {@code tool-prior.properties}.
 *
 * <p>Usage: {@code FitToolPrior --ledger OUT/final.csv [--budget 50] [--leave-out FAMILY] [--out FILE]}; without
 * {@code --out} it prints the file. The shipped default is fitted on a ledger of every family; a benchmark that
 * scores the pool on a family uses a prior fitted without it ({@code bench --prior-ledger}).
 */
public final class FitToolPrior {
  private FitToolPrior() {}

  public static void main(String[] args) throws IOException {
    Path ledger = null;
    double budget = 50;
    String leftOut = null;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--ledger" -> ledger = Path.of(require(args[i], value));
        case "--budget" -> budget = Double.parseDouble(require(args[i], value));
        case "--leave-out" -> leftOut = require(args[i], value);
        case "--out" -> out = Path.of(require(args[i], value));
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: FitToolPrior --ledger final.csv [--budget 50] [--leave-out FAMILY] [--out FILE]");
      }
      i++;
    }
    if (ledger == null) {
      throw new IllegalArgumentException("--ledger FILE is required (the final.csv of a benchmark run)");
    }
    String text = properties(LedgerRanks.read(ledger, budget).meanRanks(leftOut), ledger, budget, leftOut);
    if (out == null) {
      System.out.print(text);
    } else {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    }
  }

  static String properties(Map<String, Double> meanRanks, Path ledger, double budget, String leftOut) {
    StringBuilder s = new StringBuilder();
    s.append("# Mean rank of each single tool (tool = mean rank), from which ToolPrior derives its prior reward rates.\n");
    s.append(String.format(Locale.ROOT, "# Fitted by dev.asap.bench.prior.FitToolPrior on %s at budget %s%s.%n",
        ledger.getFileName(), budget, leftOut == null ? ", every family" : ", family " + leftOut + " left out"));
    meanRanks.entrySet().stream().sorted(Map.Entry.comparingByValue())
        .forEach(e -> s.append(String.format(Locale.ROOT, "%s = %.2f%n", e.getKey(), e.getValue())));
    return s.toString();
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
