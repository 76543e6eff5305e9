package dev.asap.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlamaGrammarTest {

  @Test
  void aSelectionSchemaBecomesOneRulePerProperty() {
    String grammar = LlamaGrammar.fromJsonSchema("{\"type\":\"object\",\"properties\":{"
        + "\"choice\":{\"type\":\"string\",\"enum\":[\"a1\",\"b2\"]},"
        + "\"reason\":{\"type\":\"string\",\"maxLength\":40}},\"required\":[\"choice\",\"reason\"]}");

    assertThat(grammar).isEqualTo(""
        + "root-choice ::= (\"\\\"a1\\\"\" | \"\\\"b2\\\"\") space\n"
        + "root-reason ::= \"\\\"\" char{0,40} \"\\\"\" space\n"
        + "root ::= \"{\" space \"\\\"choice\\\"\" space \":\" space root-choice \",\" space"
        + " \"\\\"reason\\\"\" space \":\" space root-reason \"}\" space\n"
        + "space ::= \" \"?\n"
        + "char ::= [^\"\\\\\\x7F\\x00-\\x1F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})\n");
  }

  @Test
  void enumValuesAreMatchedAsTheirJsonText() {
    String grammar = LlamaGrammar.fromJsonSchema("{\"enum\":[\"say \\\"hi\\\"\", 3, null]}");

    assertThat(grammar).startsWith("root ::= (\"\\\"say \\\\\\\"hi\\\\\\\"\\\"\" | \"3\" | \"null\") space\n");
  }

  @Test
  void aSmallIntegerRangeBecomesItsValues() {
    assertThat(LlamaGrammar.fromJsonSchema("{\"type\":\"integer\",\"minimum\":-1,\"maximum\":2}"))
        .startsWith("root ::= (\"-1\" | \"0\" | \"1\" | \"2\") space\n");
  }

  @Test
  void unsupportedKeywordsAreNamedNotIgnored() {
    assertThatThrownBy(() -> LlamaGrammar.fromJsonSchema(
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root-id")
        .hasMessageContaining("\"pattern\"");
    assertThatThrownBy(() -> LlamaGrammar.fromJsonSchema("{\"type\":\"integer\",\"minimum\":0,\"maximum\":100000}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("integer range");
    assertThatThrownBy(() -> LlamaGrammar.fromJsonSchema("{\"type\":[\"string\",\"null\"]}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiredPropertiesMustBeDeclared() {
    assertThatThrownBy(() -> LlamaGrammar.fromJsonSchema(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"b\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"b\"");
  }

  @Test
  void textThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> LlamaGrammar.fromJsonSchema("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }
}
