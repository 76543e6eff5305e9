package dev.asap.llm.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asap.llm.LlmRequest.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * A request's messages as the JSON that llama.cpp's chat-template call takes, in the one shape every chat
 * template accepts: system text first (consecutive system messages joined by a blank line), then user and
 * assistant turns alternating, from a user turn to a user turn.
 *
 * <p>The shape is enforced here because many templates raise an error on other shapes (a system message
 * late, two user turns in a row), and de.kherud:llama 4.2.0 lets that C++ exception abort the JVM.
 */
final class ChatTranscript {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatTranscript() {}

  /** {@code {"messages":[{"role":…,"content":…},…]}}; IllegalArgumentException for any other shape. */
  static String templateInput(List<ChatMessage> messages) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode out = root.putArray("messages");
    StringBuilder system = new StringBuilder();
    int i = 0;
    while (i < messages.size() && "system".equals(messages.get(i).role())) {
      if (system.length() > 0) {
        system.append("\n\n");
      }
      system.append(Objects.requireNonNullElse(messages.get(i).content(), ""));
      i++;
    }
    if (i > 0) {
      out.addObject().put("role", "system").put("content", system.toString());
    }
    String expected = "user";
    for (; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      if (!expected.equals(m.role())) {
        throw new IllegalArgumentException("message " + i + " has role \"" + m.role() + "\" where \"" + expected
            + "\" is due: the embedded engine takes system messages first, then user and assistant turns"
            + " alternating from user to user");
      }
      out.addObject().put("role", m.role()).put("content", Objects.requireNonNullElse(m.content(), ""));
      expected = "user".equals(expected) ? "assistant" : "user";
    }
    if (!"assistant".equals(expected)) {
      throw new IllegalArgumentException("the conversation must end with a user message");
    }
    return root.toString();
  }
}
