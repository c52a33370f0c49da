package org.funcx.kernel.jshell;

/**
 * Where evaluated code came from, to point errors and stack frames at lines the user can find:
 * e.g. label {@code cell [4]} with the code starting on the cell's line 3.
 *
 * @param label what the user calls the source, e.g. {@code cell [4]}
 * @param firstLine the source line (1-based) on which the evaluated code starts
 */
public record SourceOrigin(String label, int firstLine) {
  public static SourceOrigin cell(int executionCount) {
    return new SourceOrigin("cell [" + executionCount + "]", 1);
  }

  /** The same source, for code that starts {@code lines} lines further down. */
  public SourceOrigin shiftedBy(int lines) {
    return new SourceOrigin(label, firstLine + lines);
  }

  /** E.g. {@code cell [4], line 7} for line 5 of code starting on line 3. */
  public String at(int codeLine) {
    return label + ", line " + (firstLine + codeLine - 1);
  }
}
