package dev.asap.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmRequest;
import dev.asap.llm.LlmRequest.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real llama.cpp engine on {@link TinyLlamaModel}, a random-weight model written at test time. Its
 * answers are noise, so these tests prove the system path — template, tokenizer, grammar, KV-cache reuse,
 * cancellation, errors — and nothing about the quality of any choice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlamaEngineTest {
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{"
      + "\"choice\":{\"type\":\"string\",\"enum\":[\"a1\",\"b2\",\"c3\"]},"
      + "\"reason\":{\"type\":\"string\",\"maxLength\":40}},\"required\":[\"choice\",\"reason\"]}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CACHE_RESTART = Pattern.compile("kv cache rm \\[(\\d+), end\\)");
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @TempDir
  static Path dir;

  private static Path modelFile;
  private static LlamaEngine engine;

  @BeforeAll
  static void loadTheTinyModel() throws IOException {
    modelFile = TinyLlamaModel.write(dir.resolve("tiny-llama.gguf"), 20240611L);
    engine = new LlamaEngine(modelFile, options());
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void everyAnswerIsJsonValidUnderTheSchema() throws Exception {
    Set<String> choices = Set.of("a1", "b2", "c3");
    for (int i = 0; i < 10; i++) {
      List<ChatMessage> messages = List.of(ChatMessage.system("Answer with JSON only."),
          ChatMessage.user("Round " + i + ": candidates a1, b2 and c3. Which one runs next, and why?"));

      LlmAnswer answer = engine.complete(new LlmRequest(messages, SCHEMA, GENEROUS, 96, 0.8, i));

      JsonNode json = JSON.readTree(answer.text());
      assertThat(json.isObject()).as(answer.text()).isTrue();
      assertThat(json.size()).as(answer.text()).isEqualTo(2);
      assertThat(choices).as(answer.text()).contains(json.path("choice").asText());
      assertThat(json.path("reason").isTextual()).as(answer.text()).isTrue();
      String reason = json.path("reason").asText();
      assertThat(reason.codePointCount(0, reason.length())).as(answer.text()).isLessThanOrEqualTo(40);
      assertThat(answer.promptTokens()).isEqualTo(engine.tokenize(engine.prompt(messages)).length + 1);
      assertThat(answer.completionTokens()).isBetween(1, 96);
    }
  }

  @Test
  void nestedObjectsIntegersBooleansNumbersAndQuotedEnumsStayValid() throws Exception {
    String schema = "{\"type\":\"object\",\"properties\":{"
        + "\"id\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":12},"
        + "\"ok\":{\"type\":\"boolean\"},"
        + "\"tag\":{\"enum\":[\"x\\\"y\",\"z\"]},"
        + "\"score\":{\"type\":\"number\"},"
        + "\"meta\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}},"
        + "\"required\":[\"id\",\"ok\",\"tag\",\"score\",\"meta\"]}";
    for (int seed = 0; seed < 3; seed++) {
      LlmAnswer answer = engine.complete(new LlmRequest(List.of(ChatMessage.user("Fill the form.")), schema,
          GENEROUS, 200, 0.9, seed));

      JsonNode json = JSON.readTree(answer.text());
      assertThat(json.path("id").asInt()).as(answer.text()).isBetween(1, 12);
      assertThat(json.path("ok").isBoolean()).as(answer.text()).isTrue();
      assertThat(Set.of("x\"y", "z")).as(answer.text()).contains(json.path("tag").asText());
      assertThat(json.path("score").isNumber()).as(answer.text()).isTrue();
      assertThat(json.path("meta").path("n").isIntegralNumber()).as(answer.text()).isTrue();
    }
  }

  /** Runs next to last, for the same reason as the test below. */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void twoPromptFamiliesTakingTurnsEachKeepTheirPrefixInTheirOwnSlot() throws Exception {
    Path log = dir.resolve("families-llama.log");
    int[] cachedWithSlots = alternateFamilies(options().withSlots(2).withLogFile(log), log);
    int[] cachedInOneSlot = alternateFamilies(options().withSlots(1), null);

    for (int request = 2; request < cachedWithSlots.length; request++) {
      assertThat(cachedWithSlots[request])
          .as("request %d reuses its family's previous prompt, not the other family's", request)
          .isGreaterThan(cachedInOneSlot[request] + 20);
    }
  }

  /**
   * Judge-like and proposer-like prompts in turn, each growing by one line per round; checks every answer's
   * cached count against the prefix shared with the same family's previous prompt (or, with one slot, with the
   * previous prompt of any family) and against llama.cpp's log when there is one; returns the cached counts.
   */
  private static int[] alternateFamilies(LlamaOptions options, Path log) throws Exception {
    int rounds = 3;
    int[] cached = new int[2 * rounds];
    try (LlamaEngine own = new LlamaEngine(modelFile, options)) {
      int[][] previousOfFamily = new int[2][];
      int[] previous = null;
      for (int i = 0; i < 2 * rounds; i++) {
        int family = i % 2;
        String lines = "";
        for (int r = 0; r <= i / 2; r++) {
          lines += (family == 0 ? "trial " + r + ": lr=0.0" + r + " -> loss 0." + (90 - r)
              : "proposal " + r + ": depth=" + (r + 3) + " width=" + (64 << r)) + "\n";
        }
        List<ChatMessage> messages = List.of(
            ChatMessage.system(family == 0 ? "You judge which candidate runs next." : "You propose configurations."),
            ChatMessage.user(lines + "Round " + i + ": answer now."));
        int[] tokens = own.tokenize(own.prompt(messages));
        int[] before = options.slots() > 1 ? previousOfFamily[family] : previous;

        LlmAnswer answer = own.complete(new LlmRequest(messages, SCHEMA, GENEROUS, 16, 0.7, i,
            family == 0 ? "judge" : "proposer"));

        int expected = before == null ? 0 : Math.min(PromptCache.sharedPrefix(before, tokens) + 1, tokens.length);
        assertThat(answer.cachedPromptTokens()).as("request %d", i).isEqualTo(expected);
        if (log != null) {
          assertThat(cacheRestart(log, i + 1)).as("llama.cpp's own log, request %d", i).isEqualTo(expected);
        }
        cached[i] = answer.cachedPromptTokens();
        previousOfFamily[family] = tokens;
        previous = tokens;
      }
    }
    return cached;
  }

  /** Runs last: llama.cpp has one logger per process, and once it writes a file it also writes to stderr. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aGrowingHistoryIsServedFromTheKvCache() throws Exception {
    Path log = dir.resolve("prefix-llama.log");
    try (LlamaEngine own = new LlamaEngine(modelFile, options().withLogFile(log))) {
      String fixed = "You pick the next configuration of a hyperparameter search. Read the history of finished"
          + " trials, then the candidates proposed this round, and answer with the candidate most likely to"
          + " improve on the best result so far, with a short reason. Lower loss is better.";
      List<String> history = new ArrayList<>();
      List<ChatMessage> messages = null;
      String previousPrompt = null;
      String previousTail = null;
      int[] previousTokens = null;
      for (int round = 1; round <= 5; round++) {
        history.add("trial " + round + ": lr=0.0" + round + " depth=" + (round + 2) + " -> loss 0." + (90 - round));
        String tail = "Candidates round " + round + ":\na1: lr=0.00" + round + " depth=3\nb2: lr=0.1 depth="
            + round + "\nc3: lr=0.05 depth=8\nWhich candidate next?";
        messages = List.of(ChatMessage.system(fixed),
            ChatMessage.user("History:\n" + String.join("\n", history) + "\n\n" + tail));
        String prompt = own.prompt(messages);
        int[] tokens = own.tokenize(prompt);

        LlmAnswer answer = own.complete(new LlmRequest(messages, SCHEMA, GENEROUS, 96, 0.7, round));

        assertThat(answer.promptTokens()).isEqualTo(tokens.length + 1);
        if (previousTokens == null) {
          assertThat(answer.cachedPromptTokens()).isZero();
        } else {
          int shared = PromptCache.sharedPrefix(previousTokens, tokens);
          int beforeTail = own.tokenize(previousPrompt.substring(0, previousPrompt.indexOf(previousTail))).length;
          assertThat((double) shared).isGreaterThanOrEqualTo(0.95 * beforeTail);
          assertThat(answer.cachedPromptTokens()).isEqualTo(shared + 1); // + BOS, shared by every prompt
        }
        assertThat(cacheRestart(log, round))
            .as("llama.cpp's own log: where it restarted evaluating prompt %d", round)
            .isEqualTo(answer.cachedPromptTokens());
        previousPrompt = prompt;
        previousTail = tail;
        previousTokens = tokens;
      }

      LlmAnswer again = own.complete(new LlmRequest(messages, SCHEMA, GENEROUS, 96, 0.7, 6));

      assertThat(again.cachedPromptTokens())
          .as("the same prompt again: all but the last token, whose logits llama.cpp needs")
          .isEqualTo(again.promptTokens() - 1)
          .isEqualTo(cacheRestart(log, 6));
    }
  }

  @Test
  void aTimeOutFarBelowTheGenerationTimeCancelsIt() throws Exception {
    String longAnswer = "{\"type\":\"string\",\"minLength\":1200,\"maxLength\":1200}";
    LlmRequest full = new LlmRequest(List.of(ChatMessage.user("Write at length.")), longAnswer, GENEROUS,
        1300, 0.8, 1);
    double generationSeconds = engine.complete(full).seconds();
    Duration timeout = Duration.ofMillis(10);
    assertThat(timeout.toNanos() / 1e9).isLessThan(generationSeconds / 5);

    List<ChatMessage> other = List.of(ChatMessage.user("Write at length, again."));
    long start = System.nanoTime();
    LlmException e = catchThrowableOfType(LlmException.class,
        () -> engine.complete(new LlmRequest(other, longAnswer, timeout, 1300, 0.8, 2)));
    double waited = (System.nanoTime() - start) / 1e9;

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
    assertThat(waited).isLessThan(generationSeconds / 2);
    LlmAnswer next = engine.complete(new LlmRequest(List.of(ChatMessage.user("Short one.")), SCHEMA, GENEROUS,
        96, 0.8, 3));
    assertThat(JSON.readTree(next.text()).path("choice").asText()).isIn("a1", "b2", "c3");
    assertThat(next.seconds()).as("the cancelled generation stopped early").isLessThan(generationSeconds / 2);
    assertThat(next.cachedPromptTokens()).as("the slot's content is still known").isNotNull();
  }

  @Test
  void aPromptLongerThanTheContextIsAnEngineError() {
    String huge = "x".repeat(TinyLlamaModel.CONTEXT + 10);

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> engine.complete(new LlmRequest(List.of(ChatMessage.user(huge)), null, GENEROUS, 8, 0.8, 1)));

    assertThat(e.kind()).isEqualTo(LlmException.Kind.ENGINE_ERROR);
    assertThat(e).hasMessageContaining("context");
  }

  @Test
  void aConversationNoTemplateIsSureToAcceptIsAnEngineError() {
    List<ChatMessage> assistantFirst = List.of(new ChatMessage("assistant", "Hello."), ChatMessage.user("Hi."));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> engine.complete(new LlmRequest(assistantFirst, null, GENEROUS, 8, 0.8, 1)));

    assertThat(e.kind()).isEqualTo(LlmException.Kind.ENGINE_ERROR);
    assertThat(e).hasMessageContaining("\"assistant\"");
  }

  @Test
  void aMissingModelFileIsNamed() {
    Path missing = dir.resolve("no-such-model.gguf");

    assertThatThrownBy(() -> new LlamaEngine(missing, options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString());
  }

  @Test
  void aFileThatIsNoGgufIsNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("model.gguf.txt"), "this is a README, not a model file at all");

    assertThatThrownBy(() -> new LlamaEngine(text, options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text.toAbsolutePath().toString())
        .hasMessageContaining("not a GGUF");
  }

  @Test
  void aGgufThatLlamaCppCannotLoadIsNamed() throws IOException {
    byte[] whole = Files.readAllBytes(modelFile);
    Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, whole.length * 4 / 5));

    assertThatThrownBy(() -> new LlamaEngine(cut, options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("llama.cpp could not load")
        .hasMessageContaining(cut.toAbsolutePath().toString());
  }

  @Test
  void nameSaysEngineAndFile() {
    assertThat(engine.name()).isEqualTo("llama.cpp:tiny-llama.gguf");
  }

  private static LlamaOptions options() {
    return LlamaOptions.defaults().withContextSize(TinyLlamaModel.CONTEXT).withThreads(1);
  }

  /** The position llama.cpp restarted prompt evaluation from in its {@code request}-th request (1-based). */
  private static int cacheRestart(Path log, int request) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L; // llama.cpp logs from a background thread
    while (true) {
      List<Integer> restarts = new ArrayList<>();
      if (Files.exists(log)) {
        Matcher m = CACHE_RESTART.matcher(Files.readString(log));
        while (m.find()) {
          restarts.add(Integer.parseInt(m.group(1)));
        }
      }
      if (restarts.size() >= request) {
        return restarts.get(request - 1);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("llama.cpp logged " + restarts.size() + " prompt evaluations, expected " + request);
      }
      Thread.sleep(20);
    }
  }
}
