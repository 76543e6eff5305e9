package dev.asap.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmException.Kind;
import dev.asap.llm.LlmRequest;
import dev.asap.llm.LlmRequest.ChatMessage;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Maps an {@link LlmRequest} to a {@code /chat/completions} request body, and the response body to an answer. */
final class ChatCompletionJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ChatCompletionJson() {}

  /**
   * The request body. The schema is sent only in {@link ConstraintMode#JSON_SCHEMA}.
   *
   * @throws IllegalArgumentException when the request's JSON schema is not a JSON object
   */
  static String requestBody(String model, LlmRequest request, ConstraintMode mode) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role()).put("content", m.content());
    }
    body.put("max_tokens", request.maxTokens());
    body.put("temperature", request.temperature());
    body.put("seed", request.seed());
    if (request.jsonSchema() != null) {
      ObjectNode format = body.putObject("response_format");
      if (mode == ConstraintMode.JSON_SCHEMA) {
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", "answer");
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema(request.jsonSchema()));
      } else {
        format.put("type", "json_object");
      }
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schema(String text) {
    try {
      JsonNode schema = JSON.readTree(text);
      if (schema == null || !schema.isObject()) {
        throw new IllegalArgumentException("the request's JSON schema is not a JSON object: " + snippet(text, 200));
      }
      return schema;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request's JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Whether a failed call says the server does not take {@code json_schema} as response format. Servers word
   * it differently (and some answer 422), so any mention of the field counts.
   */
  static boolean rejectsResponseFormat(int status, String body) {
    if ((status != 400 && status != 422) || body == null) {
      return false;
    }
    String lower = body.toLowerCase(Locale.ROOT);
    return lower.contains("response_format") || lower.contains("json_schema");
  }

  /**
   * The answer in a 2xx response body.
   *
   * @throws LlmException REFUSED when the model or the server's filter declined, MALFORMED when the body is
   *     not a chat completion or its content is empty
   */
  static LlmAnswer parseAnswer(String body, double seconds) throws LlmException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed("the body is not JSON", body);
    }
    if (root == null || !root.isObject()) {
      throw malformed("the body is not a JSON object", body);
    }
    JsonNode choice = root.path("choices").path(0);
    if (!choice.isObject()) {
      throw malformed("the body has no choices[0]", body);
    }
    String finishReason = choice.path("finish_reason").asText("");
    if ("content_filter".equals(finishReason)) {
      throw new LlmException(Kind.REFUSED,
          "the server's content filter stopped the answer (finish_reason content_filter)");
    }
    JsonNode message = choice.path("message");
    JsonNode refusal = message.path("refusal");
    if (refusal.isTextual() && !refusal.asText().isBlank()) {
      throw new LlmException(Kind.REFUSED, "the model refused: " + snippet(refusal.asText(), 500));
    }
    String text = content(message.path("content"));
    if (text.isBlank()) {
      String hint = "length".equals(finishReason) ? "; the token limit was reached first, raise maxTokens" : "";
      throw malformed("the answer's content is empty (finish_reason " + finishReason + hint + ")", body);
    }
    JsonNode usage = root.path("usage");
    return new LlmAnswer(text, usage.path("prompt_tokens").asInt(0), cachedPromptTokens(root),
        usage.path("completion_tokens").asInt(0), seconds);
  }

  // Some servers send content as a list of parts, e.g. [{"type": "text", "text": "..."}].
  private static String content(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    if (content.isArray()) {
      for (JsonNode part : content) {
        text.append(part.path("text").asText(""));
      }
    }
    return text.toString();
  }

  /** OpenAI and vLLM report cached prompt tokens in {@code usage}; llama.cpp's server in its own fields. */
  private static Integer cachedPromptTokens(JsonNode root) {
    JsonNode[] candidates = {
      root.path("usage").path("prompt_tokens_details").path("cached_tokens"),
      root.path("timings").path("cache_n"),
      root.path("tokens_cached"),
    };
    for (JsonNode n : candidates) {
      if (n.isIntegralNumber()) {
        return n.asInt();
      }
    }
    return null;
  }

  private static LlmException malformed(String what, String body) {
    return new LlmException(Kind.MALFORMED, what + ": " + snippet(body, 200));
  }

  /** The first {@code max} characters of a text, marked when cut. */
  static String snippet(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
