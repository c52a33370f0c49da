package org.funcx.magics;

import org.funcx.kernel.spi.MagicException;

/**
 * The service could not resolve a function's libraries (its {@code //DEPS} and the notebook's
 * {@code %maven} coordinates): the message names the coordinate and the repositories it tried.
 */
public final class RemoteDependencyError extends MagicException {
  private static final long serialVersionUID = 1L;

  public RemoteDependencyError(String message, Throwable cause) {
    super(message, "", cause);
  }
}
