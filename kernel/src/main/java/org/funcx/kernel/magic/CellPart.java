package org.funcx.kernel.magic;

/** A piece of a cell, run in order: Java code or a magic call. */
public sealed interface CellPart {
  /**
   * Java code (one or more snippets).
   *
   * @param firstLine the cell line (1-based) the code starts on
   */
  record JavaCode(String code, int firstLine) implements CellPart {}

  /** {@code %name args} on a line of its own. */
  record LineMagicCall(String name, String args, int line) implements CellPart {}

  /** {@code %%name args} as the cell's first line, with the rest of the cell as its body. */
  record CellMagicCall(String name, String args, String body) implements CellPart {}
}
