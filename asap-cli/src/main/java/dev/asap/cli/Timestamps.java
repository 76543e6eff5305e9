package dev.asap.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Trial times as people and spreadsheets read them. */
final class Timestamps {
  private Timestamps() {}

  /**
   * ISO-8601 in UTC with milliseconds for an epoch time, e.g. {@code 2026-12-07T21:05:03.120Z}; plain seconds
   * (no exponent) for a time on a simulated clock; "" for none.
   */
  static String format(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "";
    }
    if (!dev.asap.clock.Clock.isWallTime(seconds)) {
      return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
    return Instant.ofEpochMilli(Math.round(seconds * 1e3)).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
