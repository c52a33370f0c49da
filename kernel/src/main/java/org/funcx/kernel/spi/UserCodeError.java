package org.funcx.kernel.spi;

import java.util.List;

/**
 * The user's code threw. {@link #getCause()} is the exception itself; the traceback is its stack
 * trace cut below the user's outermost frame, with cell numbers and lines.
 */
public final class UserCodeError extends CellError {
  private static final long serialVersionUID = 1L;

  /**
   * @param headline e.g. {@code java.lang.ArithmeticException: / by zero}
   * @param thrown what the user's code threw, as JShell reports it
   */
  public UserCodeError(String headline, Throwable thrown, List<String> traceback) {
    super(headline, traceback, thrown);
  }
}
