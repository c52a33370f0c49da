package org.funcx.service.auth;

/** A bearer token that must not be trusted; the message says why (and never echoes the token). */
public final class InvalidTokenException extends Exception {
  public InvalidTokenException(String message) {
    super(message);
  }

  public InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
