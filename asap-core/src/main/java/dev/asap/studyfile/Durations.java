package dev.asap.studyfile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them ("90s", "30m", "1h30m", "500ms") and prints them back briefly. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)\\s*");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Durations() {}

  /**
   * Parses a sum of parts such as {@code 1h30m} or {@code 1h 30m} (units ms, s, m, h, d; decimals allowed);
   * a bare number means seconds.
   *
   * @throws IllegalArgumentException when the text is not such a duration
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    if (BARE_NUMBER.matcher(t).matches()) {
      return ofSeconds(new BigDecimal(t));
    }
    Matcher m = PART.matcher(t);
    BigDecimal seconds = BigDecimal.ZERO;
    int at = 0;
    while (at < t.length() && m.region(at, t.length()).lookingAt()) {
      seconds = seconds.add(new BigDecimal(m.group(1)).multiply(secondsPer(m.group(2))));
      at = m.end();
    }
    if (t.isEmpty() || at < t.length()) {
      throw new IllegalArgumentException("'" + (text == null ? "" : text.trim())
          + "' is not a duration; write e.g. 90s, 30m or 2h");
    }
    return ofSeconds(seconds);
  }

  /** A short form such as {@code 1h 30m}, {@code 45s}, {@code 1.5s} or {@code 250ms}; rounds to milliseconds from 1s up. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    BigDecimal seconds = new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    if (d.isZero()) {
      return "0s";
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return plain(seconds.movePointRight(3).setScale(6, RoundingMode.HALF_UP)) + "ms";
    }
    seconds = seconds.setScale(3, RoundingMode.HALF_UP);
    long whole = seconds.longValue();
    BigDecimal rest = seconds.subtract(BigDecimal.valueOf(whole - whole % 60));
    StringBuilder out = new StringBuilder();
    append(out, whole / 86_400, "d");
    append(out, whole % 86_400 / 3_600, "h");
    append(out, whole % 3_600 / 60, "m");
    if (rest.signum() > 0) {
      out.append(out.length() > 0 ? " " : "").append(plain(rest)).append('s');
    }
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount > 0) {
      out.append(out.length() > 0 ? " " : "").append(amount).append(unit);
    }
  }

  private static String plain(BigDecimal x) {
    return x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal secondsPer(String unit) {
    switch (unit) {
      case "ms":
        return new BigDecimal("0.001");
      case "s":
        return BigDecimal.ONE;
      case "m":
        return BigDecimal.valueOf(60);
      case "h":
        return BigDecimal.valueOf(3_600);
      default:
        return BigDecimal.valueOf(86_400);
    }
  }

  private static Duration ofSeconds(BigDecimal seconds) {
    BigDecimal nanos = seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP);
    BigDecimal[] parts = nanos.divideAndRemainder(NANOS_PER_SECOND);
    try {
      return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(seconds.toPlainString() + " seconds is too long a duration");
    }
  }
}
