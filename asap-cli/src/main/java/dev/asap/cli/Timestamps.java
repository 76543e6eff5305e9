package dev.asap.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Trial times as people and spreadsheets read them. */
final class Timestamps {
  /** Seconds from 1970 to 2001: earlier times are seconds on a simulated clock, not dates. */
  private static final double EPOCH_2001 = 978_307_200;

  private Timestamps() {}

  /**
   * ISO-8601 in UTC with milliseconds for an epoch time, e.g. {@code 2026-12-07T21:05:03.120Z}; plain seconds
   * (no exponent) for a time on a simulated clock; "" for none.
   */
  static String format(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "";
    }
    if (seconds < EPOCH_2001) {
      return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
    return Instant.ofEpochMilli(Math.round(seconds * 1e3)).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
