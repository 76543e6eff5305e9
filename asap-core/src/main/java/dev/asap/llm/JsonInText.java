package dev.asap.llm;

/**
 * Finds the JSON object in a model's answer. Servers without schema support may wrap it in prose or a code
 * fence, so the first balanced {@code {...}} is taken, skipping braces inside strings.
 */
public final class JsonInText {
  private JsonInText() {}

  /** The first balanced object of the text, or null when there is none. */
  public static String firstObject(String text) {
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
}
