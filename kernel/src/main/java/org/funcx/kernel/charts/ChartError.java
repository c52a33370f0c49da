package org.funcx.kernel.charts;

import java.util.List;
import org.funcx.kernel.spi.CellError;

/**
 * A chart cannot be drawn from what it was given (a missing or non-numeric column, nothing to
 * draw, too many points). Shown in the cell as its message alone: the input is wrong, not code.
 */
public final class ChartError extends CellError {
  private static final long serialVersionUID = 1L;

  public ChartError(String message) {
    super(message, List.of(message), null);
  }
}
