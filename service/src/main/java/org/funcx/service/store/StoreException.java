package org.funcx.service.store;

/** The registry or task store failed to read or write. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
