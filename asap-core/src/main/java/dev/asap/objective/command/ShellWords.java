package dev.asap.objective.command;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Turns parameter values into shell words: plain text first, then quoting when the text needs it. */
final class ShellWords {
  /** Characters that mean nothing to the shell, so words made only of them need no quotes. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+-]+");

  /**
   * Whole doubles from here up print in scientific notation through {@link Double#toString}; below 2^63
   * they are exactly representable as a long, so printing them as integers loses nothing.
   */
  private static final double SCIENTIFIC_FROM = 1e7;
  private static final double LONG_LIMIT = 0x1p63;

  private ShellWords() {}

  /**
   * The plain text of a parameter value: integers as integers, doubles in a form that parses back to the
   * same double, anything else (strings, booleans) through {@code toString}.
   */
  static String plain(Object value) {
    if (value instanceof Double d) {
      return plainDouble(d);
    }
    if (value instanceof Float f) {
      return plainDouble(f.doubleValue());
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return String.valueOf(value);
  }

  /** {@code text} as one shell word: unchanged when it is safe, otherwise single-quoted. */
  static String quote(String text) {
    if (SAFE.matcher(text).matches()) {
      return text;
    }
    return "'" + inSingleQuotes(text) + "'";
  }

  /**
   * {@code text} for the inside of single quotes the template already opened: nothing is special there except
   * the closing quote, which is written as '\'' (close the quoted part, an escaped quote, reopen).
   */
  static String inSingleQuotes(String text) {
    return text.replace("'", "'\\''");
  }

  /** {@code text} for the inside of double quotes: the four characters special there get a backslash. */
  static String inDoubleQuotes(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String plainDouble(double d) {
    double abs = Math.abs(d);
    if (abs >= SCIENTIFIC_FROM && abs < LONG_LIMIT && d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
