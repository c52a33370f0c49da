package org.funcx.kernel.spi;

import java.util.List;

/** The user interrupted the cell; what remained of it did not run. */
public final class InterruptedCellError extends CellError {
  private static final long serialVersionUID = 1L;

  public InterruptedCellError(String message) {
    super(message, List.of("Interrupted: " + message), null);
  }
}
