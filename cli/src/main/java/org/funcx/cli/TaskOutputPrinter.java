package org.funcx.cli;

import java.io.PrintStream;
import org.funcx.client.TaskStatus;

/**
 * Prints what a task printed remotely, each stream under a label naming it and the task, so it
 * cannot be mistaken for the result (which goes to standard output alone).
 */
final class TaskOutputPrinter {
  private TaskOutputPrinter() {}

  static void print(PrintStream to, TaskStatus status) {
    if (status == null) return;
    block(to, "stdout", status.taskId(), status.stdout());
    block(to, "stderr", status.taskId(), status.stderr());
  }

  private static void block(PrintStream to, String stream, String taskId, String text) {
    if (text.isEmpty()) return;
    to.println("--- " + stream + " of task " + taskId + " ---");
    to.print(text);
    if (!text.endsWith("\n")) to.println();
    to.println("--- end of " + stream + " ---");
  }
}
