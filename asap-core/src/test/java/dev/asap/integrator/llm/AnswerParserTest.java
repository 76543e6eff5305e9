package dev.asap.integrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.asap.llm.LlmException;

class AnswerParserTest {
  private static final List<String> IDS = List.of("A", "B", "C");

  @Test
  void readsAConstrainedAnswer() throws Exception {
    AnswerParser.Choice c = AnswerParser.parse("{\"choice\": \"B\", \"reason\": \"GP and forest agree\"}", IDS);
    assertThat(c.id()).isEqualTo("B");
    assertThat(c.reason()).isEqualTo("GP and forest agree");
  }

  @Test
  void findsTheObjectInsideProseOrACodeFence() throws Exception {
    String text = "Sure! Here is my pick:\n```json\n{\"choice\": \"C\", \"reason\": \"a {brace} in text\"}\n```";
    assertThat(AnswerParser.parse(text, IDS).id()).isEqualTo("C");
  }

  @Test
  void rejectsGarbageUnknownIdsAndMissingFields() {
    assertThatThrownBy(() -> AnswerParser.parse("I cannot help with that.", IDS))
        .isInstanceOf(LlmException.class).hasMessageContaining("no JSON object");
    assertThatThrownBy(() -> AnswerParser.parse("{\"choice\": \"D\"}", IDS))
        .hasMessageContaining("'D', which is not one of [A, B, C]");
    assertThatThrownBy(() -> AnswerParser.parse("{\"pick\": \"A\"}", IDS)).hasMessageContaining("no \"choice\"");
    assertThatThrownBy(() -> AnswerParser.parse("{\"choice\": ", IDS)).hasMessageContaining("no JSON object");
  }

  @Test
  void idsAndSchemaNameEveryCandidate() {
    assertThat(LlmJudge.ids(3)).containsExactly("A", "B", "C");
    assertThat(LlmJudge.ids(28)).endsWith("A1", "B1");
    assertThat(LlmJudge.schema(List.of("A", "B"))).contains("\"enum\":[\"A\",\"B\"]").contains("\"required\"");
  }
}
