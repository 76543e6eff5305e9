package dev.asap.llm;

/** The engine gave no usable answer; {@link #kind()} says why, the message says what to do. */
public class LlmException extends Exception {
  /** Why a request failed. */
  public enum Kind {
    TIMEOUT,
    UNREACHABLE,
    HTTP_ERROR,
    REFUSED,
    MALFORMED,
    ENGINE_ERROR
  }

  private final Kind kind;

  public LlmException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public LlmException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
