package org.funcx.magics.commands;

import java.io.PrintStream;
import java.util.List;
import org.funcx.client.EndpointInfo;
import org.funcx.client.OutputFollowing;
import org.funcx.client.TaskStatus;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.remote.ResultWaiter;

/**
 * Waits for one task while what it prints streams into the cell (as ipyparallel's %px does):
 * its stdout to the cell's stdout, its stderr to the cell's stderr, every byte once, the rest
 * after it ended, all before its value or error is shown.
 */
final class LiveOutput {
  private LiveOutput() {}

  static TaskStatus await(FuncxSession session, EndpointInfo endpoint, String taskId)
      throws InterruptedException {
    // The kernel binds System.out/err to the running cell: keep them for the follower's thread.
    CellStream out = new CellStream(System.out);
    CellStream err = new CellStream(System.err);
    OutputFollowing following =
        session.call(
            c ->
                OutputFollowing.start(
                    c, taskId, (stderr, text) -> (stderr ? err : out).write(text)));
    TaskStatus status;
    try {
      status =
          new ResultWaiter(session, endpoint, ResultWaiter.OnInterrupt.CANCEL)
              .await(List.of(taskId), (finished, failed, total, elapsed) -> {})
              .get(taskId);
    } catch (InterruptedException | RuntimeException e) {
      following.close();
      throw e;
    }
    if (!following.finish()) PrintedOutput.stream(status);
    out.endLine();
    err.endLine();
    return status;
  }

  /** One of the cell's streams; ends the output with a line break if the task's did not. */
  private static final class CellStream {
    private final PrintStream to;
    private boolean atLineStart = true;

    CellStream(PrintStream to) {
      this.to = to;
    }

    synchronized void write(String text) {
      to.print(text);
      to.flush();
      atLineStart = text.endsWith("\n");
    }

    synchronized void endLine() {
      if (!atLineStart) write("\n");
    }
  }
}
