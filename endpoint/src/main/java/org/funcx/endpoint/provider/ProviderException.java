package org.funcx.endpoint.provider;

/** A block could not be started or stopped; the message says why, for the endpoint log. */
public class ProviderException extends Exception {
  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
