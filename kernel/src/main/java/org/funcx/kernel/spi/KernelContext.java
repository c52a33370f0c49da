package org.funcx.kernel.spi;

import java.util.List;
import org.funcx.kernel.libraries.NotebookLibraries;

/**
 * The notebook as magics see it. Every method must be called while a cell runs (from the thread
 * running the magic): output and displays belong to that cell.
 */
public interface KernelContext {
  /**
   * The user's active declarations (imports, methods, classes, variables) in the order they were
   * made, with the kernel's default {@code java.*} imports first. Helper imports the kernel adds
   * for its own notebook functions are not listed: they exist only inside the kernel.
   */
  List<SnippetInfo> snippets();

  /**
   * Evaluates Java code in the user's JShell, as if it were a cell, and returns the value of its
   * last expression (null for statements and declarations).
   *
   * @throws CompileError when the code does not compile
   * @throws UserCodeError when the code throws
   * @throws InterruptedCellError when the user interrupted the cell
   */
  Object eval(String code);

  /**
   * Declares (or redeclares) {@code name} in the user's JShell holding {@code value}, typed as the
   * most specific public type of the value, so that later cells can use it directly.
   */
  void setVariable(String name, Object value);

  /** Like {@link #setVariable(String, Object)} with the declared type given. */
  <T> void setVariable(String name, Class<T> type, T value);

  /**
   * Shows {@code value} in the cell's output now (Jupyter {@code display_data}), rendered like a
   * cell result, and returns the display id that {@link #updateDisplay} takes.
   */
  String display(Object value);

  /** Like {@link #display(Object)} under a display id the caller chose. */
  void display(Object value, String displayId);

  /** Replaces what an earlier {@link #display} showed (Jupyter {@code update_display_data}). */
  void updateDisplay(String displayId, Object value);

  /**
   * The libraries the notebook declared with {@code %maven} and {@code %jars}: on the cells' class
   * path, and what functions registered from the notebook need remotely.
   */
  NotebookLibraries libraries();
}
