package org.funcx.kernel.magic;

import java.util.List;
import java.util.Set;
import org.funcx.kernel.spi.CellError;

/** The cell names a magic no provider registered. */
public final class UnknownMagicError extends CellError {
  private static final long serialVersionUID = 1L;

  UnknownMagicError(String typed, Set<String> known) {
    super(
        "unknown magic " + typed,
        List.of("unknown magic " + typed, "available: " + String.join(" ", known)),
        null);
  }
}
