package dev.asap.cli;

/** Short, readable numbers for tables: 6 significant digits, no trailing zeros. */
final class Numbers {
  private Numbers() {}

  static String format(Object v) {
    if (v instanceof Double d) {
      return format(d.doubleValue());
    }
    return String.valueOf(v);
  }

  static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    String s = String.format(java.util.Locale.ROOT, "%.6g", d);
    if (s.contains("e") || s.contains("E")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Seconds as "12 ms", "3.4 s" or "125 s". */
  static String seconds(double s) {
    if (s < 1) {
      return String.format(java.util.Locale.ROOT, "%.0f ms", s * 1e3);
    }
    return s < 100 ? String.format(java.util.Locale.ROOT, "%.1f s", s) : String.format(java.util.Locale.ROOT, "%.0f s", s);
  }
}
