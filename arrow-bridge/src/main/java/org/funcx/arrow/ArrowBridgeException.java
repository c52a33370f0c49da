package org.funcx.arrow;

/** Base of every exception the Arrow bridge throws on purpose; catch it to handle them all. */
public class ArrowBridgeException extends RuntimeException {
  public ArrowBridgeException(String message) {
    super(message);
  }

  public ArrowBridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
