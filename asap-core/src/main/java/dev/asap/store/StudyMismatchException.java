package dev.asap.store;

/** A study of that name exists with a different direction or search space. */
public class StudyMismatchException extends IllegalStateException {
  public StudyMismatchException(String message) {
    super(message);
  }
}
