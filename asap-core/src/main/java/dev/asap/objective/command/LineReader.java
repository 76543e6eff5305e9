package dev.asap.objective.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text line by line like {@link java.io.BufferedReader#readLine}, but never holds more than
 * {@code maxLineChars} of one line: a command printing megabytes without a newline must not exhaust memory.
 * The kept part of an over-long line gets {@link #TRUNCATED} appended, so it can never pass for a metric.
 * A reader that keeps the end instead (for stderr, where the last words of a crash matter) marks the cut at
 * the front with {@link #TRUNCATED_START}.
 */
final class LineReader {
  static final String TRUNCATED = " ...[line truncated]";
  static final String TRUNCATED_START = "[line truncated]... ";

  private final Reader in;
  private final int maxLineChars;
  private final boolean keepEnd;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;

  LineReader(InputStream in, int maxLineChars) {
    this(in, maxLineChars, false);
  }

  /** @param keepEnd keep the last {@code maxLineChars} of an over-long line rather than the first */
  LineReader(InputStream in, int maxLineChars, boolean keepEnd) {
    this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    this.maxLineChars = maxLineChars;
    this.keepEnd = keepEnd;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the stream. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean truncated = false;
    boolean sawAnything = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return sawAnything ? finish(line, truncated) : null;
        }
      }
      sawAnything = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int count = position - start;
      if (keepEnd) {
        line.append(buffer, start, count);
        if (line.length() > 2 * maxLineChars) {
          // Trimmed in large steps so that a long line costs linear time.
          line.delete(0, line.length() - maxLineChars);
          truncated = true;
        }
      } else {
        int room = maxLineChars - line.length();
        if (count > room) {
          truncated = true;
          count = Math.max(room, 0);
        }
        line.append(buffer, start, count);
      }
      if (position < limit) {
        position++; // consume the '\n'
        return finish(line, truncated);
      }
    }
  }

  private String finish(StringBuilder line, boolean truncated) {
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    if (keepEnd && line.length() > maxLineChars) {
      line.delete(0, line.length() - maxLineChars);
      truncated = true;
    }
    if (!truncated) {
      return line.toString();
    }
    return keepEnd ? TRUNCATED_START + line : line + TRUNCATED;
  }
}
