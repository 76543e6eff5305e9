package dev.asap.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RetryPolicy}: which statuses retry, the jittered backoff, and {@code Retry-After}. */
class OpenAiRetryPolicyTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void onlyOverloadAndGatewayStatusesAreRetried() {
    assertThat(List.of(429, 500, 502, 503, 504)).allMatch(RetryPolicy::retryableStatus);
    assertThat(List.of(400, 401, 403, 404, 422, 501)).noneMatch(RetryPolicy::retryableStatus);
  }

  @Test
  void backoffDoublesWithJitterInItsUpperHalfAndIsCapped() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), 3);
    for (int retry = 0; retry < 8; retry++) {
      long full = Math.min(1000, 100L << retry);
      assertThat(policy.delay(retry, null).toMillis()).isBetween(full / 2, full);
    }
    assertThat(policy.delay(500, null)).isLessThanOrEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    assertThat(delays(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), 42)))
        .isEqualTo(delays(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), 42)));
  }

  @Test
  void retryAfterReplacesTheBackoff() {
    RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1), 0);
    assertThat(policy.delay(0, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsReadInSecondsOrAsAnHttpDate() {
    assertThat(RetryPolicy.parseRetryAfter("3", NOW)).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryPolicy.parseRetryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("-5", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("Sat, 01 Mar 2025 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isNull();
    assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isNull();
  }

  @Test
  void rejectsNegativeRetries() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Duration> delays(RetryPolicy policy) {
    List<Duration> delays = new ArrayList<>();
    for (int retry = 0; retry < 5; retry++) {
      delays.add(policy.delay(retry, null));
    }
    return delays;
  }
}
