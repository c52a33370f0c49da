package org.funcx.magics;

import org.funcx.kernel.spi.MagicException;

/** The funcX service did not answer (not running, wrong URL, or lost while waiting). */
public final class ServiceUnreachableError extends MagicException {
  private static final long serialVersionUID = 1L;

  public ServiceUnreachableError(String message, Throwable cause) {
    super(
        message,
        "Start it with ./funcx up, or point the notebook at it: %funcx connect URL",
        cause);
  }
}
