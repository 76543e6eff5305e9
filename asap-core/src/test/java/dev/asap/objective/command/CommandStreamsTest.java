package dev.asap.objective.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading process streams ({@link LineReader}, {@link TailBuffer}) and showing time-outs. */
class CommandStreamsTest {

  @Test
  void linesEndAtNewlinesWithOrWithoutCarriageReturnAndTheLastNeedsNone() throws IOException {
    assertThat(lines("a\nb\r\n\nlast", 100)).containsExactly("a", "b", "", "last");
    assertThat(lines("a\n", 100)).containsExactly("a");
    assertThat(lines("", 100)).isEmpty();
  }

  @Test
  void overLongLinesAreCutAndMarked() throws IOException {
    String longLine = "7".repeat(20_000);

    assertThat(lines(longLine + "\n0.5\n", 1000))
        .containsExactly("7".repeat(1000) + LineReader.TRUNCATED, "0.5");
  }

  @Test
  void multiByteCharactersSurviveBufferBoundaries() throws IOException {
    String text = "é".repeat(10_000) + "\n→ done";

    assertThat(lines(text, 100_000)).containsExactly("é".repeat(10_000), "→ done");
  }

  @Test
  void theTailKeepsTheLastLinesWithinACharacterBudget() {
    TailBuffer tail = new TailBuffer(3, 12);
    for (String line : List.of("one", "two", "three", "four")) {
      tail.add(line);
    }
    assertThat(tail.text()).isEqualTo("...o\nthree\nfour");

    TailBuffer roomy = new TailBuffer(2, 100);
    roomy.add("a");
    roomy.add("b");
    roomy.add("c");
    assertThat(roomy.text()).isEqualTo("b\nc");
    assertThat(new TailBuffer(2, 100).text()).isEmpty();
  }

  @Test
  void timeoutsAreShownAsTheUserWroteThem() {
    assertThat(CommandRun.seconds(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(CommandRun.seconds(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(CommandRun.seconds(Duration.ofHours(2))).isEqualTo("7200s");
  }

  private static List<String> lines(String text, int maxLineChars) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        maxLineChars);
    List<String> out = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      out.add(line);
    }
    return out;
  }
}
