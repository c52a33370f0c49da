package org.funcx.magics;

import org.funcx.kernel.spi.MagicException;

/** The service answered but refused the request (unknown id, invalid input, overload...). */
public final class ServiceRefusedError extends MagicException {
  private static final long serialVersionUID = 1L;

  public ServiceRefusedError(String message, Throwable cause) {
    super(message, "", cause);
  }
}
