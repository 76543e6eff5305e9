package dev.asap.studyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesTheUsualForms() {
    assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse(" 1h 30m ")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad : new String[] {"3x", "", "h", "-5s", "1h30", "s1", "1.s", "PT1H", "1M"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("'" + bad + "' is not a duration; write e.g. 90s, 30m or 2h");
    }
    assertThatThrownBy(() -> Durations.parse(null)).hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999d")).hasMessageContaining("too long");
  }

  @Test
  void formatsShortly() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("0.0015ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofSeconds(90, 500_000_000))).isEqualTo("1m 30.5s");
    assertThat(Durations.format(Duration.ofHours(26).plusSeconds(5))).isEqualTo("1d 2h 5s");
    assertThat(Durations.format(Duration.ofSeconds(-45))).isEqualTo("-45s");
  }

  @Test
  void formatIsReadBackByParse() {
    for (Duration d : new Duration[] {Duration.ofMinutes(90), Duration.ofMillis(1500), Duration.ofMillis(7),
        Duration.ofDays(3).plusMinutes(1), Duration.ofSeconds(3599)}) {
      assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
  }
}
