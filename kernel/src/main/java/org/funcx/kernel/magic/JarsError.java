package org.funcx.kernel.magic;

import org.funcx.kernel.libraries.LocalJars;
import org.funcx.kernel.spi.MagicException;

/** A {@code %jars} argument names no usable jar; nothing of that {@code %jars} was added. */
public final class JarsError extends MagicException {
  private static final long serialVersionUID = 1L;
  private final String argument;

  JarsError(LocalJars.LocalJarsException e) {
    super("%jars " + e.getMessage(), "nothing was added to the class path", e);
    this.argument = e.argument();
  }

  /** The argument at fault, as typed. */
  public String argument() {
    return argument;
  }
}
