package org.funcx.kernel.spi;

import java.util.List;

/**
 * A failure of the user's cell, shown in the notebook as a Jupyter error whose name is this
 * class's simple name and whose traceback is {@link #traceback()}. It carries no stack trace of its
 * own: the kernel's frames mean nothing to the person reading the notebook.
 */
public abstract class CellError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> traceback;

  protected CellError(String message, List<String> traceback, Throwable cause) {
    super(message, cause, false, false);
    this.traceback = List.copyOf(traceback);
  }

  /** The lines shown for this error, without line breaks inside; may contain ANSI colours. */
  public List<String> traceback() {
    return traceback;
  }
}
