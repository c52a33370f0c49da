package org.funcx.kernel.magic;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.funcx.kernel.spi.CellError;

/**
 * A magic failed with an exception it did not expect (not a {@code MagicException}): a bug, shown
 * with its full stack trace so it can be reported.
 */
public final class MagicCrashedError extends CellError {
  private static final long serialVersionUID = 1L;

  MagicCrashedError(String typed, Throwable thrown) {
    super(typed + " failed unexpectedly: " + thrown, lines(typed, thrown), thrown);
  }

  private static List<String> lines(String typed, Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    List<String> lines = new ArrayList<>();
    lines.add(typed + " failed unexpectedly (a bug in the magic; please report it):");
    lines.addAll(trace.toString().stripTrailing().lines().toList());
    return lines;
  }
}
