package org.funcx.arrow;

/**
 * The value has no Arrow form: it is not tabular, or a type inside it has no Arrow mapping, or its
 * column values mix types. The message names the column and the Java type.
 */
public final class UnsupportedResultException extends ArrowBridgeException {
  public UnsupportedResultException(String message) {
    super(message);
  }

  public UnsupportedResultException(String message, Throwable cause) {
    super(message, cause);
  }
}
