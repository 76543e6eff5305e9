package dev.asap.space;

/** A search space definition is wrong; the message says what, where and how to fix it. */
public class InvalidSpaceException extends IllegalArgumentException {
  public InvalidSpaceException(String message) {
    super(message);
  }
}
