package dev.asap.examples.xgboost;

/** A command-line argument is unknown, missing its value or out of range; the message says which. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
