package org.funcx.kernel.spi;

import java.util.List;

/** Code did not compile; the traceback points at the cell line of each diagnostic. */
public final class CompileError extends CellError {
  private static final long serialVersionUID = 1L;

  public CompileError(String message, List<String> traceback) {
    super(message, traceback, null);
  }
}
