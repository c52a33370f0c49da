package org.funcx.kernel.spi;

/** A magic was called with arguments it does not take; the traceback ends with its usage text. */
public class MagicUsageException extends MagicException {
  private static final long serialVersionUID = 1L;

  public MagicUsageException(String problem, String usage) {
    super(problem, "\n" + usage, null);
  }
}
