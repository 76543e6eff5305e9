package dev.asap.llm.openai;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

/**
 * Which failed attempts are worth another try, and how long to wait before it: exponential backoff with
 * "equal jitter" (half the delay fixed, half random) from a seeded {@link Random}, or the server's own
 * {@code Retry-After} on 429 and 503.
 */
final class RetryPolicy {
  private final int retries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Random random;

  RetryPolicy(int retries, Duration baseDelay, Duration maxDelay, long seed) {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be at least 0, got " + retries);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
    }
    this.retries = retries;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.random = new Random(seed);
  }

  /** How many attempts may follow the first one. */
  int retries() {
    return retries;
  }

  /** Overload and gateway failures pass; anything else would fail the same way again. */
  static boolean retryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  static boolean honoursRetryAfter(int status) {
    return status == 429 || status == 503;
  }

  /**
   * The wait before retry number {@code retry} (0 for the first retry): the server's {@code retryAfter} when
   * it gave one (may be null), else the jittered exponential backoff.
   */
  Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long base = baseDelay.toNanos();
    int shift = Math.min(retry, 62);
    long full = base > (Long.MAX_VALUE >> shift) ? maxDelay.toNanos() : Math.min(maxDelay.toNanos(), base << shift);
    long half = full / 2;
    return Duration.ofNanos(half + (long) (random.nextDouble() * (full - half)));
  }

  /**
   * A {@code Retry-After} header value, in seconds or as an HTTP date; null when absent or unreadable, never
   * negative.
   */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
