package org.funcx.magics.commands;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.funcx.client.TaskStatus;

/**
 * What a remote task printed, in the notebook: streamed into the cell (the kernel binds
 * {@code System.out}/{@code System.err} to the running cell's stdout and stderr streams), or
 * summed up in one table cell.
 */
final class PrintedOutput {
  private static final int FIRST_LINE_CHARS = 60;

  private PrintedOutput() {}

  /** Sends the task's stdout to the cell's stdout and its stderr to the cell's stderr. */
  static void stream(TaskStatus status) {
    write(System.out, status.stdout());
    write(System.err, status.stderr());
  }

  private static void write(java.io.PrintStream to, String text) {
    if (text.isEmpty()) return;
    to.print(text.endsWith("\n") ? text : text + "\n");
    to.flush();
  }

  /**
   * One line for a map table: the first line printed and the size, with a hint to
   * {@code %funcx output}; empty when the task printed nothing.
   */
  static String summary(TaskStatus status) {
    String out = status.stdout();
    String err = status.stderr();
    if (out.isEmpty() && err.isEmpty()) return "";
    String text = out.isEmpty() ? err : out;
    String first = text.lines().findFirst().orElse("");
    if (first.length() > FIRST_LINE_CHARS) first = first.substring(0, FIRST_LINE_CHARS) + "…";
    return String.format(
        Locale.ROOT,
        "%s%s (%s; %%funcx output %s)",
        out.isEmpty() ? "stderr: " : "",
        first,
        size(out, err),
        status.taskId());
  }

  private static String size(String out, String err) {
    long lines = out.lines().count() + err.lines().count();
    long bytes =
        out.getBytes(StandardCharsets.UTF_8).length + err.getBytes(StandardCharsets.UTF_8).length;
    return lines + (lines == 1 ? " line, " : " lines, ") + bytes + " bytes";
  }
}
