package dev.asap.integrator.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import dev.asap.llm.JsonInText;
import dev.asap.llm.LlmException;

/**
 * Reads the judge's answer: a JSON object naming one of the round's candidate ids. Servers without schema
 * support may wrap the object in prose or a code fence, so the first balanced object in the text is read.
 */
final class AnswerParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerParser() {}

  /** The chosen id and reason; throws {@link LlmException} (MALFORMED) saying what is wrong. */
  static Choice parse(String text, List<String> ids) throws LlmException {
    String object = JsonInText.firstObject(text);
    if (object == null) {
      throw new LlmException(LlmException.Kind.MALFORMED, "the answer holds no JSON object: " + clip(text));
    }
    JsonNode node;
    try {
      node = JSON.readTree(object);
    } catch (Exception e) {
      throw new LlmException(LlmException.Kind.MALFORMED, "the answer is not valid JSON: " + clip(object));
    }
    JsonNode choice = node.get("choice");
    if (choice == null || !choice.isTextual()) {
      throw new LlmException(LlmException.Kind.MALFORMED, "the answer has no \"choice\" string: " + clip(object));
    }
    String id = choice.asText().trim();
    if (!ids.contains(id)) {
      throw new LlmException(LlmException.Kind.MALFORMED, "the answer chose '" + id + "', which is not one of "
          + ids);
    }
    JsonNode reason = node.get("reason");
    return new Choice(id, reason == null ? "" : reason.asText());
  }
  static String clip(String s) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  record Choice(String id, String reason) {}
}
