package dev.asap.examples.xgboost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code --name value} pairs into an {@link XgboostConfig}. Names not given keep their
 * {@link XgboostConfig#DEFAULTS default}; so does a name given an empty value, which is what a study passes for
 * a conditional parameter that is inactive in the trial (e.g. {@code --rate-drop ''} when the booster is not
 * dart).
 */
public final class ArgumentParser {
  static final List<String> NAMES = List.of("eta", "max-depth", "min-child-weight", "subsample",
      "colsample-bytree", "lambda", "alpha", "gamma", "num-round", "booster", "rate-drop", "folds", "seed");
  private static final Set<String> BOOSTERS = Set.of("gbtree", "dart");

  private final Map<String, String> values;

  private ArgumentParser(Map<String, String> values) {
    this.values = values;
  }

  /** Parses and range-checks {@code args}. */
  public static XgboostConfig parse(String... args) throws UsageException {
    ArgumentParser p = new ArgumentParser(pairs(args));
    XgboostConfig d = XgboostConfig.DEFAULTS;
    return new XgboostConfig(
        p.real("eta", d.eta(), 0, false, 1, true),
        p.integer("max-depth", d.maxDepth(), 1, 30),
        p.real("min-child-weight", d.minChildWeight(), 0, true, Double.MAX_VALUE, true),
        p.real("subsample", d.subsample(), 0, false, 1, true),
        p.real("colsample-bytree", d.colsampleBytree(), 0, false, 1, true),
        p.real("lambda", d.lambda(), 0, true, Double.MAX_VALUE, true),
        p.real("alpha", d.alpha(), 0, true, Double.MAX_VALUE, true),
        p.real("gamma", d.gamma(), 0, true, Double.MAX_VALUE, true),
        p.integer("num-round", d.numRound(), 1, 10_000),
        p.booster(d.booster()),
        p.real("rate-drop", d.rateDrop(), 0, true, 1, true),
        p.integer("folds", d.folds(), 2, 20),
        p.integer("seed", d.seed(), 0, Integer.MAX_VALUE));
  }

  private static Map<String, String> pairs(String[] args) throws UsageException {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("expected an option such as --eta, got '" + arg + "'");
      }
      String name = arg.substring(2);
      if (!NAMES.contains(name)) {
        throw new UsageException("unknown option " + arg + "; known options: --" + String.join(", --", NAMES));
      }
      if (i + 1 >= args.length) {
        throw new UsageException(arg + " needs a value");
      }
      if (values.putIfAbsent(name, args[i + 1].trim()) != null) {
        throw new UsageException(arg + " is given more than once");
      }
    }
    return values;
  }

  private String given(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  private double real(String name, double fallback, double low, boolean lowIncluded, double high,
      boolean highIncluded) throws UsageException {
    String v = given(name);
    if (v == null) {
      return fallback;
    }
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    boolean aboveLow = lowIncluded ? x >= low : x > low;
    boolean belowHigh = highIncluded ? x <= high : x < high;
    if (!Double.isFinite(x) || !aboveLow || !belowHigh) {
      String range = (lowIncluded ? "[" : "(") + format(low) + ", "
          + (high == Double.MAX_VALUE ? "inf)" : format(high) + (highIncluded ? "]" : ")"));
      throw new UsageException("--" + name + " must be a number in " + range + ", got '" + v + "'");
    }
    return x;
  }

  private int integer(String name, long fallback, long low, long high) throws UsageException {
    String v = given(name);
    if (v == null) {
      return (int) fallback;
    }
    long x;
    try {
      x = Long.parseLong(v);
    } catch (NumberFormatException e) {
      // A study may hand over an int parameter as "4.0"; accept whole numbers written that way.
      try {
        double d = Double.parseDouble(v);
        x = d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : Long.MIN_VALUE;
      } catch (NumberFormatException notANumber) {
        x = Long.MIN_VALUE;
      }
    }
    if (x < low || x > high) {
      throw new UsageException("--" + name + " must be a whole number from " + low + " to " + high + ", got '"
          + v + "'");
    }
    return (int) x;
  }

  private String booster(String fallback) throws UsageException {
    String v = given("booster");
    if (v == null) {
      return fallback;
    }
    if (!BOOSTERS.contains(v)) {
      throw new UsageException("--booster must be gbtree or dart, got '" + v + "'");
    }
    return v;
  }

  private static String format(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
