package dev.asap.llm;

import java.time.Duration;
import java.util.List;

/**
 * One chat request. {@code jsonSchema} (a JSON Schema document as text, or null) constrains the answer;
 * {@code seed} and {@code temperature} make answers reproducible where the engine allows it.
 *
 * <p>{@code promptFamily} names the kind of prompt ("judge", "proposer"): requests of one family share a long
 * prefix with each other and none with other families, so an engine with several KV-cache slots keeps one
 * family per slot and the families do not evict each other's prefixes.
 */
public record LlmRequest(List<ChatMessage> messages, String jsonSchema, Duration timeout, int maxTokens,
    double temperature, long seed, String promptFamily) {

  /** The family every request belongs to unless told otherwise. */
  public static final String DEFAULT_FAMILY = "default";

  public LlmRequest(List<ChatMessage> messages, String jsonSchema, Duration timeout, int maxTokens,
      double temperature, long seed) {
    this(messages, jsonSchema, timeout, maxTokens, temperature, seed, DEFAULT_FAMILY);
  }

  public LlmRequest {
    if (promptFamily == null || promptFamily.isBlank()) {
      throw new IllegalArgumentException("a request needs a prompt family, e.g. \"judge\"");
    }
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one message");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request needs a positive time-out");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1");
    }
  }

  /** One message of the conversation; role is system, user or assistant. */
  public record ChatMessage(String role, String content) {
    public static ChatMessage system(String content) {
      return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
      return new ChatMessage("user", content);
    }
  }
}
