package dev.asap.store;

/** The store could not be read or written (I/O, locking, a corrupt database); the message says which. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
