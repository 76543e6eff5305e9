package dev.asap.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmRequest;
import dev.asap.llm.LlmRequest.ChatMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChatCompletionJson}: the shapes of answers servers send besides the plain OpenAI one. */
class OpenAiChatCompletionJsonTest {

  @Test
  void contentGivenAsPartsIsJoined() throws LlmException {
    LlmAnswer answer = ChatCompletionJson.parseAnswer("{\"choices\":[{\"message\":{\"content\":"
        + "[{\"type\":\"text\",\"text\":\"{\\\"x\\\":\"},{\"type\":\"text\",\"text\":\"1}\"}]}}]}", 0.5);
    assertThat(answer.text()).isEqualTo("{\"x\":1}");
    assertThat(answer.promptTokens()).isZero();
    assertThat(answer.seconds()).isEqualTo(0.5);
  }

  @Test
  void llamaCppTokensCachedIsReadWhenThereAreNoTimings() throws LlmException {
    LlmAnswer answer = ChatCompletionJson.parseAnswer(
        "{\"choices\":[{\"message\":{\"content\":\"ok\"}}],\"tokens_cached\":33}", 0.1);
    assertThat(answer.cachedPromptTokens()).isEqualTo(33);
  }

  @Test
  void aBodyWithoutChoicesOrWithTrailingGarbageIsMalformed() {
    assertThatThrownBy(() -> ChatCompletionJson.parseAnswer("{\"error\":{\"message\":\"overloaded\"}}", 0))
        .isInstanceOf(LlmException.class).hasMessageContaining("choices").hasMessageContaining("overloaded")
        .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.MALFORMED);
    assertThatThrownBy(() -> ChatCompletionJson.parseAnswer("{\"choices\":[]} trailing", 0))
        .isInstanceOf(LlmException.class)
        .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.MALFORMED);
    assertThatThrownBy(() -> ChatCompletionJson.parseAnswer("", 0))
        .isInstanceOf(LlmException.class)
        .extracting(e -> ((LlmException) e).kind()).isEqualTo(LlmException.Kind.MALFORMED);
  }

  @Test
  void anInvalidSchemaIsTheCallersMistake() {
    LlmRequest request = new LlmRequest(List.of(ChatMessage.user("x?")), "{not json", Duration.ofSeconds(1), 8, 0, 0);
    assertThatThrownBy(() -> ChatCompletionJson.requestBody("m", request, ConstraintMode.JSON_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
  }

  @Test
  void onlyA400Or422MentioningTheFormatCountsAsRejectingIt() {
    assertThat(ChatCompletionJson.rejectsResponseFormat(400, "Unsupported response_format")).isTrue();
    assertThat(ChatCompletionJson.rejectsResponseFormat(422, "json_schema: unknown field")).isTrue();
    assertThat(ChatCompletionJson.rejectsResponseFormat(400, "prompt too long")).isFalse();
    assertThat(ChatCompletionJson.rejectsResponseFormat(500, "response_format crashed")).isFalse();
  }
}
