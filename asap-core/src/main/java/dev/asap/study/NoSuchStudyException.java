package dev.asap.study;

/** No study of that name exists in the store. */
public class NoSuchStudyException extends IllegalArgumentException {
  public NoSuchStudyException(String message) {
    super(message);
  }
}
