package org.funcx.magics.args;

import org.funcx.kernel.spi.MagicUsageException;

/** Builds the error for a wrongly called subcommand: the problem, then its usage line. */
public final class Usage {
  private Usage() {}

  public static MagicUsageException error(String problem, String usage) {
    return new MagicUsageException(problem, usage.startsWith("usage") ? usage : "usage: " + usage);
  }
}
