package dev.asap.bench.report;

import java.util.Locale;

/** Number formatting shared by the Markdown, HTML and CSV reports. */
final class Numbers {
  private Numbers() {}

  /** Four significant digits; "—" for +infinity (nothing found), "n/a" for NaN. */
  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "—" : "-inf";
    }
    if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  /** Seconds to a tenth when they matter, to the millisecond below one second; "n/a" for NaN. */
  static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "n/a";
    }
    if (s == 0) {
      return "0";
    }
    double abs = Math.abs(s);
    return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 1 ? "%.1f" : "%.3f", s);
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  /** A share to a tenth of a percent, so that 99.5 % does not read as 100 %; "—" for NaN. */
  static String share(double share) {
    return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** Full precision for CSV; empty for NaN, "inf" for infinity. */
  static String csv(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
  }

  static String budget(double b) {
    return b == Math.rint(b) ? String.valueOf((long) b) : fmt(b);
  }
}
