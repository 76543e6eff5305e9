package dev.asap.integrator.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Reads the judge's answer: a JSON object naming one of the round's candidate ids. Servers without schema
 * support may wrap the object in prose or a code fence, so the first balanced object in the text is read.
 */
final class AnswerParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerParser() {}

  /** The chosen id and reason; throws {@link LlmException} (MALFORMED) saying what is wrong. */
  static Choice parse(String text, List<String> ids) throws LlmException {
    String object = firstObject(text);
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

  private static String firstObject(String text) {
    int start = text.indexOf('{');
    while (start >= 0) {
      int depth = 0;
      boolean inString = false;
      for (int i = start; i < text.length(); i++) {
        char c = text.charAt(i);
        if (inString) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          return text.substring(start, i + 1);
        }
      }
      start = text.indexOf('{', start + 1);
    }
    return null;
  }

  static String clip(String s) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  record Choice(String id, String reason) {}
}
