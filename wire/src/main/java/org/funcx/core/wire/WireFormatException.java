package org.funcx.core.wire;

/** A frame that is not a well-formed message: unknown type, bad JSON or missing frames. */
public class WireFormatException extends RuntimeException {
  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
