package org.funcx.kernel.spi;

import java.util.ArrayList;
import java.util.List;

/** The user interrupted the cell; what remained of it did not run. */
public final class InterruptedCellError extends CellError {
  private static final long serialVersionUID = 1L;

  public InterruptedCellError(String message) {
    this(message, List.of());
  }

  /** {@code notes}: more lines for the user, e.g. that a thread lives on. */
  public InterruptedCellError(String message, List<String> notes) {
    super(message, traceback(message, notes), null);
  }

  private static List<String> traceback(String message, List<String> notes) {
    List<String> lines = new ArrayList<>();
    lines.add("Interrupted: " + message);
    lines.addAll(notes);
    return lines;
  }
}
