package dev.asap.space.constraint;

/** A constraint's text is not valid; the message says what is wrong, at which column, and how to fix it. */
public class ConstraintException extends IllegalArgumentException {
  private final int column;

  ConstraintException(int column, String problem) {
    super("at column " + column + ": " + problem);
    this.column = column;
  }

  /** The 1-based column in the constraint's text where the problem is. */
  public int column() {
    return column;
  }
}
