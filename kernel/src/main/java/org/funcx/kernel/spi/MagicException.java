package org.funcx.kernel.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A magic failed for a reason the user can act on (bad argument, unreachable service, remote
 * error). Shown as {@code message} followed by {@code details} lines, never with a kernel stack
 * trace. Subclass it to give the error its own name in the notebook.
 */
public class MagicException extends CellError {
  private static final long serialVersionUID = 1L;

  public MagicException(String message) {
    this(message, "", null);
  }

  /**
   * @param details more lines (a usage text, compiler diagnostics, a remote stack trace); may be
   *     empty
   */
  public MagicException(String message, String details, Throwable cause) {
    super(message, lines(message, details), cause);
  }

  private static List<String> lines(String message, String details) {
    List<String> lines = new ArrayList<>(message.lines().toList());
    if (details != null && !details.isBlank()) {
      lines.addAll(details.stripTrailing().lines().toList());
    }
    return lines;
  }
}
