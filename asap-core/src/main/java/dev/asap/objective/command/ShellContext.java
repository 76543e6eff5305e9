package dev.asap.objective.command;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Follows a POSIX shell command line character by character and knows, at each point, in which quoting
 * context a placeholder would land. It understands enough of the shell grammar to tell where a value can be
 * handed over exactly (outside quotes, in single quotes, in double quotes, also inside {@code $( )}) and where
 * it cannot (a comment, backquotes, {@code $(( ))}, {@code ${ }}, a here-document, right after a backslash).
 */
final class ShellContext {
  /** Where a placeholder may go, and how its value must be written there. */
  enum Quoting {
    UNQUOTED,
    SINGLE,
    DOUBLE
  }

  private enum Frame {
    /** The top level, or the inside of {@code $( )} with its own parenthesis depth. */
    PLAIN,
    SINGLE,
    DOUBLE,
    BACKTICK,
    ARITHMETIC,
    PARAMETER,
    COMMENT
  }

  private final Deque<Frame> frames = new ArrayDeque<>();
  /** Open parentheses per {@code PLAIN} and {@code ARITHMETIC} frame, same order as {@link #frames}. */
  private final Deque<int[]> depths = new ArrayDeque<>();
  private final Deque<Integer> openedAt = new ArrayDeque<>();
  /** The next character was escaped by a backslash. */
  private boolean escaped;
  /** The next character belongs to a construct already opened ("$(", "${"), not to the new frame. */
  private boolean skipNext;
  private boolean heredocPending;
  private boolean inHeredoc;
  private char previous = ' ';

  ShellContext() {
    push(Frame.PLAIN, 0);
  }

  /** Feeds the next literal character of the command line, found at {@code column} (1-based). */
  void accept(char c, char next, char afterNext, int column) {
    Frame top = frames.peek();
    if (escaped || skipNext) {
      escaped = false;
      skipNext = false;
    } else if (c == '\n' && heredocPending && top == Frame.PLAIN) {
      inHeredoc = true;
    } else {
      step(top, c, next, afterNext, column);
    }
    previous = c;
  }

  /**
   * How a value placed here must be quoted.
   *
   * @throws IllegalArgumentException when no quoting can hand a value over exactly at this point
   */
  Quoting placeholderQuoting(String name, int column) {
    String where = null;
    Frame top = frames.peek();
    if (skipNext && top == Frame.PARAMETER) {
      throw new IllegalArgumentException("the placeholder {" + name + "} at column " + column + " of the command"
          + " follows a $, which makes it a shell variable: write ${{" + name + "}} for the variable, or"
          + " {" + name + "} without the $ for the parameter's value");
    }
    if (inHeredoc) {
      where = "inside a here-document";
    } else if (escaped) {
      where = "right after a backslash, which would escape the quoting of its value";
    } else if (top == Frame.COMMENT) {
      where = "inside a comment (a value with a newline would end the comment)";
    } else if (top == Frame.BACKTICK) {
      where = "inside backquotes; use $( ) instead";
    } else if (top == Frame.ARITHMETIC) {
      where = "inside $(( )); compute the value in your program, or add a parameter for it";
    } else if (top == Frame.PARAMETER) {
      where = "inside ${ }";
    }
    if (where != null) {
      throw new IllegalArgumentException("the placeholder {" + name + "} at column " + column + " of the command is "
          + where + ": there its value could be read as shell code. Move it to a plain argument, e.g. --"
          + name + " {" + name + "}");
    }
    previous = 'x'; // a placeholder is part of a word: a '#' right after it starts no comment
    return switch (top) {
      case SINGLE -> Quoting.SINGLE;
      case DOUBLE -> Quoting.DOUBLE;
      default -> Quoting.UNQUOTED;
    };
  }

  /**
   * Checks that the command ended with its quotes closed.
   *
   * @throws IllegalArgumentException naming the quote that is still open
   */
  void requireClosed() {
    Frame top = frames.peek();
    String open = switch (top) {
      case SINGLE -> "the ' quote";
      case DOUBLE -> "the \" quote";
      case BACKTICK -> "the ` backquote";
      default -> null;
    };
    if (open != null) {
      throw new IllegalArgumentException(open + " opened at column " + openedAt.peek()
          + " of the command is never closed");
    }
  }

  private void step(Frame top, char c, char next, char afterNext, int column) {
    switch (top) {
      case SINGLE -> {
        if (c == '\'') {
          pop();
        }
      }
      case DOUBLE -> {
        if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          pop();
        } else {
          expansion(c, next, afterNext, column);
        }
      }
      case BACKTICK -> {
        if (c == '\\') {
          escaped = true;
        } else if (c == '`') {
          pop();
        }
      }
      case ARITHMETIC -> {
        if (c == '(') {
          depths.peek()[0]++;
        } else if (c == ')') {
          if (depths.peek()[0] == 0) {
            pop(); // the first of the closing "))"; the second closes nothing we track
            skipNext = next == ')';
          } else {
            depths.peek()[0]--;
          }
        }
      }
      case PARAMETER -> {
        if (c == '}') {
          pop();
        }
      }
      case COMMENT -> {
        if (c == '\n') {
          pop();
        }
      }
      case PLAIN -> plain(c, next, afterNext, column);
      default -> throw new IllegalStateException("unknown frame " + top);
    }
  }

  private void plain(char c, char next, char afterNext, int column) {
    switch (c) {
      case '\\' -> escaped = true;
      case '\'' -> push(Frame.SINGLE, column);
      case '"' -> push(Frame.DOUBLE, column);
      case '(' -> depths.peek()[0]++;
      case ')' -> {
        if (depths.peek()[0] > 0) {
          depths.peek()[0]--;
        } else if (frames.size() > 1) {
          pop(); // the end of a $( )
        }
      }
      case '#' -> {
        if (wordStart()) {
          push(Frame.COMMENT, column);
        }
      }
      case '<' -> {
        if (next == '<') {
          heredocPending = true;
        }
      }
      default -> expansion(c, next, afterNext, column);
    }
  }

  /** {@code $( )}, {@code $(( ))}, {@code ${ }} and backquotes, which open in plain text and double quotes. */
  private void expansion(char c, char next, char afterNext, int column) {
    if (c == '`') {
      push(Frame.BACKTICK, column);
    } else if (c == '$' && next == '(' && afterNext == '(') {
      push(Frame.ARITHMETIC, column);
      skipNext = true; // skips the first '('; the second opens depth 0 below
    } else if (c == '$' && next == '(') {
      push(Frame.PLAIN, column);
      skipNext = true; // the '(' belongs to "$(", not to the new frame's depth
    } else if (c == '$' && next == '{') {
      push(Frame.PARAMETER, column);
      skipNext = true;
    }
  }

  private boolean wordStart() {
    return Character.isWhitespace(previous) || ";&|()<>".indexOf(previous) >= 0;
  }

  private void push(Frame frame, int column) {
    frames.push(frame);
    depths.push(new int[] {frame == Frame.ARITHMETIC ? -1 : 0});
    openedAt.push(column);
  }

  private void pop() {
    frames.pop();
    depths.pop();
    openedAt.pop();
  }
}
