package dev.asap.objective.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.InvalidSpaceException;
import dev.asap.space.SearchSpace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hostile value through every quoting context a user may write around a placeholder: the program must
 * receive exactly the stored value, and nothing in it may run.
 */
@Timeout(300) // a safety net against a hanging build, not a statement about speed
class HostilePlaceholderTest {
  static final List<String> HOSTILE = List.of(
      "a; touch pwned",
      "$(touch pwned)",
      "`touch pwned`",
      "'; touch pwned; '",
      "\"; touch pwned; \"",
      "\\\"$(touch pwned)\\\"",
      "it's \"quoted\"",
      "line one\ntouch pwned\nline three",
      "-n",
      "--flag=$(touch pwned)",
      "",
      " ",
      "naïve ✓ 日本語 🙂",
      "$HOME ${HOME} $((1+1))",
      "\\",
      "'",
      "\"",
      "*",
      "a\\'b",
      "}{c}{",
      "# not a comment; touch pwned");

  /** Command lines that print one argument, {@code <} and {@code >} around the value, as the user quoted it. */
  static Stream<String> contexts() {
    return Stream.of(
        "printf '%s' '<' {c} '>'",
        "printf '%s' '<{c}>'",
        "printf '%s' \"<{c}>\"",
        "printf '%s' \\<{c}\\>",
        "printf '%s' \"<\"{c}'>'",
        "printf '%s' \"$(printf '%s' '<{c}>')\"",
        "printf '%s' \"<$(printf '%s' {c})>\"",
        "printf '%s' \"<$(printf '%s' \"{c}\")>\"",
        "v='<{c}>'; printf '%s' \"$v\"",
        "{ printf '%s' '<' && printf '%s' \"{c}\" && printf '%s' '>'; }");
  }

  @TempDir
  Path dir;

  @ParameterizedTest
  @MethodSource("contexts")
  void everyHostileValueArrivesExactlyAndRunsNothing(String printing) throws Exception {
    SearchSpace space = SearchSpace.of(CategoricalParameter.of("c", HOSTILE.toArray()));
    CommandObjective objective = new CommandObjective(printing + " > \"$OUT\"; echo 1", null, dir,
        Map.of("OUT", dir.resolve("out").toString()));
    for (String value : HOSTILE) {
      Config config = space.config(Map.of("c", value));
      String expected = "<" + value + ">";
      if (printing.contains("$(") && value.endsWith("\n")) {
        expected = "<" + value.stripTrailing() + ">"; // command substitution drops trailing newlines
      }

      Evaluation e = objective.evaluate(config, new Context());

      assertThat(e.value()).isEqualTo(1.0);
      assertThat(Files.readString(dir.resolve("out"), StandardCharsets.UTF_8))
          .as("value %s through %s", value, printing).isEqualTo(expected);
      assertThat(dir.resolve("pwned")).as("value %s through %s ran code", value, printing).doesNotExist();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "python3 x.py # {c}",
      "echo `echo {c}`",
      "echo \"`echo {c}`\"",
      "echo $(( {c} + 1 ))",
      "echo ${c:-{c}}",
      "echo \\{c}",
      "echo \"\\{c}\"",
      "echo ${c}",
      "echo \"${c}\"",
      "cat <<EOF\n{c}\nEOF"})
  void placeholdersWhereNoQuotingIsSafeAreRejectedWithTheirColumn(String command) {
    assertThatThrownBy(() -> CommandObjective.placeholders(command))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{c}")
        .hasMessageContaining("column " + (command.indexOf("{c}") + 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo '{c}", "echo \"{c}", "echo `x {{c}}"})
  void anUnclosedQuoteIsRejected(String command) {
    assertThatThrownBy(() -> CommandObjective.placeholders(command))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never closed");
  }

  @Test
  void ordinaryShellAroundPlaceholdersIsAccepted() {
    assertThat(CommandObjective.placeholders("awk '{ print $1 }' f | sort # comment {{c}}\n"
        + "x=$(( 1 + 2 )); echo \"$x\" {c} ${{HOME}} `date` \"$(echo {d} | tr a b)\" {{e}}"))
        .containsExactly("c", "d");
  }

  @Test
  void aHashInsideAWordIsNoComment() {
    assertThat(CommandObjective.placeholders("echo a#{c} {c}#{d}")).containsExactly("c", "d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$(touch x)", "a b", "lr;", "1x", "x/y", "ünï"})
  void parameterNamesThatCouldNotBePlaceholdersAreRejected(String name) {
    assertThatThrownBy(() -> SearchSpace.of(CategoricalParameter.of(name, "a", "b")))
        .isInstanceOf(InvalidSpaceException.class)
        .hasMessageContaining("not allowed");
  }

  @Test
  void aValueWithANulCharacterIsRejectedByTheSpace() {
    assertThatThrownBy(() -> SearchSpace.of(CategoricalParameter.of("c", "a\0b", "b")))
        .isInstanceOf(InvalidSpaceException.class)
        .hasMessageContaining("NUL");
  }

  private static final class Context implements TrialContext {
    @Override
    public int trialNumber() {
      return 1;
    }

    @Override
    public void report(long step, double value) {}
  }
}
