package dev.asap.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmException.Kind;
import dev.asap.llm.LlmRequest;
import dev.asap.llm.LlmRequest.ChatMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleEngineTest {
  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}},\"required\":[\"x\"]}";
  private static final String USAGE = "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5}";

  private FakeChatServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new FakeChatServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void requestCarriesModelMessagesLimitsSeedAndTheSchemaAsResponseFormat() throws Exception {
    server.reply(200, completion("{\"x\":1}", USAGE));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      engine.complete(request(SCHEMA));
    }

    FakeChatServer.Received got = server.received().get(0);
    assertThat(got.contentType()).isEqualTo("application/json");
    assertThat(got.body().path("model").asText()).isEqualTo("test-model");
    assertThat(got.body().path("messages").toString())
        .isEqualTo("[{\"role\":\"system\",\"content\":\"answer in JSON\"},{\"role\":\"user\",\"content\":\"x?\"}]");
    assertThat(got.body().path("max_tokens").asInt()).isEqualTo(64);
    assertThat(got.body().path("temperature").asDouble()).isEqualTo(0.2);
    assertThat(got.body().path("seed").asLong()).isEqualTo(1234567890123L);
    assertThat(got.body().path("response_format").toString()).isEqualTo(
        "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\",\"strict\":true,\"schema\":" + SCHEMA + "}}");
  }

  @Test
  void aRequestWithoutSchemaSendsNoResponseFormat() throws Exception {
    server.reply(200, completion("hello", USAGE));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      engine.complete(request(null));
    }
    assertThat(server.received().get(0).body().has("response_format")).isFalse();
  }

  @Test
  void authorizationIsSentOnlyWhenAKeyIsGiven() throws Exception {
    server.reply(200, completion("{\"x\":1}", USAGE));
    try (OpenAiCompatibleEngine none = engine(server.baseUrl()).build();
        OpenAiCompatibleEngine given = engine(server.baseUrl()).apiKey("sk-given").build();
        OpenAiCompatibleEngine fromEnv = engine(server.baseUrl())
            .environment(name -> "OPENAI_API_KEY".equals(name) ? "sk-env" : null).build()) {
      none.complete(request(SCHEMA));
      given.complete(request(SCHEMA));
      fromEnv.complete(request(SCHEMA));
    }
    assertThat(server.received()).extracting(FakeChatServer.Received::authorization)
        .containsExactly(null, "Bearer sk-given", "Bearer sk-env");
  }

  @Test
  void parsesTheTextAndUsageWithOpenAiCachedTokens() throws Exception {
    server.reply(200, completion("{\"x\":1}",
        "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":7,\"prompt_tokens_details\":{\"cached_tokens\":96}}"));
    LlmAnswer answer;
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      answer = engine.complete(request(SCHEMA));
    }
    assertThat(answer.text()).isEqualTo("{\"x\":1}");
    assertThat(answer.promptTokens()).isEqualTo(120);
    assertThat(answer.completionTokens()).isEqualTo(7);
    assertThat(answer.cachedPromptTokens()).isEqualTo(96);
    assertThat(answer.seconds()).isPositive();
  }

  @Test
  void parsesLlamaCppCachedTokensFromItsTimings() throws Exception {
    server.reply(200, completion("{\"x\":2}", USAGE + ",\"timings\":{\"cache_n\":10,\"prompt_n\":2}"));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      LlmAnswer answer = engine.complete(request(SCHEMA));
      assertThat(answer.promptTokens()).isEqualTo(12);
      assertThat(answer.cachedPromptTokens()).isEqualTo(10);
    }
  }

  @Test
  void cachedTokensAreNullWhenTheServerDoesNotReportThem() throws Exception {
    server.reply(200, completion("{\"x\":3}", USAGE));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      assertThat(engine.complete(request(SCHEMA)).cachedPromptTokens()).isNull();
    }
  }

  @Test
  void downgradesToJsonObjectAfterA400AboutResponseFormatAndRemembersIt() throws Exception {
    server.reply(400, "{\"error\":{\"message\":\"response_format type json_schema is not supported\"}}")
        .reply(200, completion("{\"x\":1}", USAGE));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).retries(0).build()) {
      assertThat(engine.constraintMode()).isEqualTo(ConstraintMode.JSON_SCHEMA);
      assertThat(engine.complete(request(SCHEMA)).text()).isEqualTo("{\"x\":1}");
      assertThat(engine.constraintMode()).isEqualTo(ConstraintMode.JSON_OBJECT);
      engine.complete(request(SCHEMA));
    }
    assertThat(server.received()).extracting(r -> r.body().path("response_format").toString()).containsExactly(
        "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\",\"strict\":true,\"schema\":" + SCHEMA + "}}",
        "{\"type\":\"json_object\"}",
        "{\"type\":\"json_object\"}");
  }

  @Test
  void aBadRequestAboutSomethingElseIsAnHttpErrorAndKeepsTheSchema() throws Exception {
    server.reply(400, "{\"error\":{\"message\":\"maximum context length is 4096 tokens\"}}");
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.HTTP_ERROR, "400", "maximum context length");
      assertThat(engine.constraintMode()).isEqualTo(ConstraintMode.JSON_SCHEMA);
    }
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void honoursRetryAfterOn429AndSucceedsOnTheRetry() throws Exception {
    server.reply(new FakeChatServer.Reply(429, "{\"error\":\"slow down\"}", Map.of("Retry-After", "1"), Duration.ZERO))
        .reply(200, completion("{\"x\":1}", USAGE));
    // The backoff alone (at least 20 s) would not fit the 10 s time-out: only Retry-After makes the retry happen.
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl())
        .retryDelay(Duration.ofSeconds(40), Duration.ofSeconds(40)).build()) {
      LlmRequest request = new LlmRequest(List.of(ChatMessage.user("x?")), SCHEMA, Duration.ofSeconds(10), 64, 0, 1);
      assertThat(engine.complete(request).text()).isEqualTo("{\"x\":1}");
    }
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void fails500AfterTheConfiguredRetries() throws Exception {
    server.reply(500, "{\"error\":\"boom\"}");
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).retries(2).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.HTTP_ERROR, "HTTP 500", "after 3 attempts", "boom");
    }
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void doesNotRetryA404AndCutsTheBodyTo500Characters() throws Exception {
    server.reply(404, "y".repeat(2000));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      LlmException e = assertFailure(() -> engine.complete(request(SCHEMA)), Kind.HTTP_ERROR, "HTTP 404", "base URL");
      assertThat(e.getMessage()).contains("y".repeat(500)).doesNotContain("y".repeat(501));
    }
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aServerSlowerThanTheTimeOutTimesOut() throws Exception {
    server.reply(new FakeChatServer.Reply(200, completion("{\"x\":1}", USAGE), Map.of(), Duration.ofSeconds(30)));
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      LlmRequest request = new LlmRequest(List.of(ChatMessage.user("x?")), SCHEMA, Duration.ofMillis(300), 64, 0, 1);
      assertFailure(() -> engine.complete(request), Kind.TIMEOUT, "time-out");
    }
  }

  @Test
  void aClosedPortIsUnreachableAndTheMessageNamesTheUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/v1";
    try (OpenAiCompatibleEngine engine = engine(url).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.UNREACHABLE, url + "/chat/completions", "running");
    }
  }

  @Test
  void aGarbage200IsMalformed() throws Exception {
    server.reply(200, "<html>gateway says hi</html>");
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.MALFORMED, "not JSON", "gateway says hi");
    }
  }

  @Test
  void emptyContentIsMalformed() throws Exception {
    server.reply(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"finish_reason\":\"length\"}]," + USAGE + "}");
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.MALFORMED, "empty", "maxTokens");
    }
  }

  @Test
  void theContentFilterIsARefusal() throws Exception {
    server.reply(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null},"
        + "\"finish_reason\":\"content_filter\"}]," + USAGE + "}");
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.REFUSED, "content_filter");
    }
  }

  @Test
  void aRefusalFieldIsARefusal() throws Exception {
    server.reply(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"refusal\":\"I cannot help with that.\"},\"finish_reason\":\"stop\"}]," + USAGE + "}");
    try (OpenAiCompatibleEngine engine = engine(server.baseUrl()).build()) {
      assertFailure(() -> engine.complete(request(SCHEMA)), Kind.REFUSED, "I cannot help with that.");
    }
  }

  @Test
  void theBaseUrlIsWhatPrecedesChatCompletions() {
    assertThat(OpenAiCompatibleEngine.chatCompletionsUri("http://localhost:8000/v1")).hasToString(
        "http://localhost:8000/v1/chat/completions");
    assertThat(OpenAiCompatibleEngine.chatCompletionsUri(" http://localhost:8000/v1/ ")).hasToString(
        "http://localhost:8000/v1/chat/completions");
    assertThat(OpenAiCompatibleEngine.chatCompletionsUri("https://api.example.com/v1/chat/completions")).hasToString(
        "https://api.example.com/v1/chat/completions");
    assertThat(OpenAiCompatibleEngine.chatCompletionsUri("http://localhost:11434")).hasToString(
        "http://localhost:11434/chat/completions");
    assertThatThrownBy(() -> OpenAiCompatibleEngine.chatCompletionsUri("localhost:8000/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    assertThatThrownBy(() -> OpenAiCompatibleEngine.chatCompletionsUri("http://user:secret@host/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
  }

  @Test
  void nameNamesTheModelAndAClosedEngineRefusesCalls() {
    OpenAiCompatibleEngine engine = engine(server.baseUrl()).build();
    assertThat(engine.name()).isEqualTo("openai:test-model");
    engine.close();
    assertThatThrownBy(() -> engine.complete(request(SCHEMA))).isInstanceOf(IllegalStateException.class);
  }

  private static OpenAiCompatibleEngine.Builder engine(String baseUrl) {
    return OpenAiCompatibleEngine.builder(baseUrl, "test-model")
        .environment(name -> null)
        .retryDelay(Duration.ofMillis(10), Duration.ofMillis(50))
        .retrySeed(7);
  }

  private static LlmRequest request(String schema) {
    return new LlmRequest(List.of(ChatMessage.system("answer in JSON"), ChatMessage.user("x?")), schema,
        Duration.ofSeconds(10), 64, 0.2, 1234567890123L);
  }

  private static String completion(String content, String usage) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
        + usage + "}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static LlmException assertFailure(ThrowingCallable call, Kind kind, String... messageParts) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(LlmException.class);
    LlmException e = (LlmException) thrown;
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
    assertThat(e.getMessage()).contains(messageParts);
    return e;
  }
}
