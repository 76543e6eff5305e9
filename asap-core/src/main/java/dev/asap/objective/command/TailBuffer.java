package dev.asap.objective.command;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last few lines of a stream (for failure reasons), bounded in both lines and characters. Thread-safe. */
final class TailBuffer {
  private final int maxLines;
  private final int maxChars;
  private final Deque<String> lines = new ArrayDeque<>();

  TailBuffer(int maxLines, int maxChars) {
    this.maxLines = maxLines;
    this.maxChars = maxChars;
  }

  synchronized void add(String line) {
    lines.addLast(line.length() > maxChars ? line.substring(line.length() - maxChars) : line);
    if (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }

  /** The kept lines joined by newlines, cut at the front to at most {@code maxChars}; "" when empty. */
  synchronized String text() {
    String joined = String.join("\n", lines).strip();
    if (joined.length() <= maxChars) {
      return joined;
    }
    return "..." + joined.substring(joined.length() - maxChars);
  }
}
