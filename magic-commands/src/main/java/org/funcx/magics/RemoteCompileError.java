package org.funcx.magics;

import org.funcx.kernel.spi.MagicException;

/** The service could not compile a function's source; the details are javac's diagnostics. */
public final class RemoteCompileError extends MagicException {
  private static final long serialVersionUID = 1L;
  private final String details;

  public RemoteCompileError(String message, String details) {
    super(message, details, null);
    this.details = details;
  }

  /** The diagnostics: line, message, source line and caret for each error. */
  public String details() {
    return details;
  }
}
