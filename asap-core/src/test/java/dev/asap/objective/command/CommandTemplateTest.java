package dev.asap.objective.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

  @Test
  void rendersPlainValuesUnquotedAndOthersQuoted() {
    SearchSpace space = SearchSpace.of(FloatParameter.of("lr", 0, 1e9), IntParameter.of("n", 1, 10),
        CategoricalParameter.of("flag", true, false), CategoricalParameter.of("name", "res net", "vgg-16"));
    CommandTemplate t = CommandTemplate.parse("run {lr} {n} {flag} {name}");

    assertThat(t.render(space.config(Map.of("lr", 0.001, "n", 3, "flag", true, "name", "vgg-16"))))
        .isEqualTo("run 0.001 3 true vgg-16");
    assertThat(t.render(space.config(Map.of("lr", 1e8, "n", 3, "flag", false, "name", "res net"))))
        .isEqualTo("run 100000000 3 false 'res net'");
  }

  @Test
  void doubledBracesAreLiteralAndOtherBracesAreText() {
    SearchSpace space = SearchSpace.of(IntParameter.of("n", 1, 10));
    CommandTemplate t = CommandTemplate.parse("awk '{ print $1 }' {{n}} {{{n}}} { n } {n");

    assertThat(t.placeholders()).containsExactly("n");
    assertThat(t.render(space.config(Map.of("n", 4)))).isEqualTo("awk '{ print $1 }' {n} {4} { n } {n");
  }

  @Test
  void placeholderNamesFollowTheStudyFileRules() {
    assertThat(CommandTemplate.parse("{a.b-c_1} {_x} {1x} {} {a b}").placeholders())
        .containsExactly("a.b-c_1", "_x");
  }

  @Test
  void anEmptyTemplateIsRejected() {
    assertThatThrownBy(() -> CommandTemplate.parse("  ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void safeWordsStayAsTheyAreAndTheRestIsSingleQuoted() {
    assertThat(ShellWords.quote("abc-1.5e+3_X")).isEqualTo("abc-1.5e+3_X");
    assertThat(ShellWords.quote("")).isEqualTo("''");
    assertThat(ShellWords.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellWords.quote("$(x)")).isEqualTo("'$(x)'");
  }

  @Test
  void numbersArePlainAndParseBackExactly() {
    assertThat(ShellWords.plain(3L)).isEqualTo("3");
    assertThat(ShellWords.plain(0.1)).isEqualTo("0.1");
    assertThat(ShellWords.plain(2.0)).isEqualTo("2.0");
    assertThat(ShellWords.plain(1e7)).isEqualTo("10000000");
    assertThat(ShellWords.plain(-123456789012.0)).isEqualTo("-123456789012");
    assertThat(ShellWords.plain(1.5e-7)).isEqualTo("1.5E-7");
    assertThat(ShellWords.plain(1e300)).isEqualTo("1.0E300");
    assertThat(ShellWords.plain("text")).isEqualTo("text");

    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      double d = switch (i % 3) {
        case 0 -> random.nextDouble();
        case 1 -> Math.rint(random.nextGaussian() * Math.pow(10, random.nextInt(19)));
        default -> Double.longBitsToDouble(random.nextLong());
      };
      if (Double.isFinite(d)) {
        assertThat(Double.parseDouble(ShellWords.plain(d))).isEqualTo(d);
      }
    }
  }
}
