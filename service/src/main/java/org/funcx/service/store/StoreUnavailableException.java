package org.funcx.service.store;

/**
 * The task store cannot write (a full disk, a failed device) or is being reopened after such a
 * failure. Nothing of the failed operation is kept; callers answer "try again later".
 */
public class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
