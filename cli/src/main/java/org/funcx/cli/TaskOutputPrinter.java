package org.funcx.cli;

import java.io.PrintStream;
import org.funcx.client.OutputListener;
import org.funcx.client.TaskStatus;

/**
 * Prints what a task printed remotely, each stream under a label naming it and the task, so it
 * cannot be mistaken for the result (which goes to standard output alone). Live, as it comes
 * ({@link #printed}), a block opens when the stream changes; {@link #end()} closes the last one.
 */
final class TaskOutputPrinter implements OutputListener {
  private final PrintStream to;
  private final String taskId;

  /** The stream whose block is open: "stdout", "stderr", or null. */
  private String open;

  private boolean atLineStart = true;

  TaskOutputPrinter(PrintStream to, String taskId) {
    this.to = to;
    this.taskId = taskId;
  }

  /** Prints a finished task's output at once. */
  static void print(PrintStream to, TaskStatus status) {
    if (status == null) return;
    TaskOutputPrinter printer = new TaskOutputPrinter(to, status.taskId());
    printer.printed(false, status.stdout());
    printer.printed(true, status.stderr());
    printer.end();
  }

  @Override
  public synchronized void printed(boolean stderr, String text) {
    if (text.isEmpty()) return;
    String stream = stderr ? "stderr" : "stdout";
    if (!stream.equals(open)) {
      end();
      to.println("--- " + stream + " of task " + taskId + " ---");
      open = stream;
    }
    to.print(text);
    to.flush();
    atLineStart = text.endsWith("\n");
  }

  /** Closes the open block, if any. */
  synchronized void end() {
    if (open == null) return;
    if (!atLineStart) to.println();
    to.println("--- end of " + open + " ---");
    to.flush();
    open = null;
    atLineStart = true;
  }
}
