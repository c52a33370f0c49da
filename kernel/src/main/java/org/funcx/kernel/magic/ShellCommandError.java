package org.funcx.kernel.magic;

import org.funcx.kernel.spi.MagicException;

/** A {@code %sh} / {@code %%sh} command exited with a non-zero status; its output is above. */
public final class ShellCommandError extends MagicException {
  private static final long serialVersionUID = 1L;

  ShellCommandError(int status) {
    super("the shell command exited with status " + status + " (its output is above)");
  }
}
