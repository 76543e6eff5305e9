package dev.asap.studyfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandPlaceholdersTest {

  @Test
  void findsNamesInOrder() {
    assertThat(CommandPlaceholders.names("python3 run.py --x {x} --lr={lr} {x}")).containsExactly("x", "lr", "x");
    assertThat(CommandPlaceholders.names("run {num.impute.selected.cpo} {max-depth} {_a1}"))
        .containsExactly("num.impute.selected.cpo", "max-depth", "_a1");
  }

  @Test
  void doubledBracesAndOtherBracesAreLiteral() {
    assertThat(CommandPlaceholders.names("echo {{x}} {{{y}}}")).containsExactly("y");
    assertThat(CommandPlaceholders.names("awk '{ print $1 }' f; echo {} {1x} {a b} { x}")).isEmpty();
    assertThat(CommandPlaceholders.names("no braces")).isEmpty();
  }
}
