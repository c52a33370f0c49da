package org.funcx.magics.commands;

import org.funcx.client.TaskFailedException;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.RemoteTaskError;
import org.funcx.magics.remote.JsonValues;

/** What a finished task means for the notebook: its value, or an error saying why not. */
final class TaskOutcomes {
  private TaskOutcomes() {}

  static Object valueOrThrow(
      FuncxSession session, String functionName, TaskStatus status, String returnType) {
    if (status.state() == TaskState.SUCCESS && status.resultFormat() != null) {
      return session.call(c -> c.resultTable(status.taskId())); // an Arrow table, shown as HTML
    }
    if (status.state() == TaskState.SUCCESS) return JsonValues.decode(status.result(), returnType);
    if (status.state() == TaskState.FAILED && status.error() != null) {
      String details = status.error().details();
      String annotated =
          session.sourceMap(status.functionId()).map(m -> m.annotate(details)).orElse(details);
      throw new RemoteTaskError(
          functionName, new TaskFailedException(status.taskId(), status.error()), annotated);
    }
    if (status.state() == TaskState.CANCELLED) {
      throw new MagicException("task " + status.taskId() + " was cancelled");
    }
    throw new MagicException(
        "task "
            + status.taskId()
            + " has not finished: it is "
            + status.state().wireName()
            + "; try again later or see %funcx status "
            + status.taskId());
  }

  /** One line for a table cell: the value, or the error's kind and headline. */
  static String summary(TaskStatus status, String returnType) {
    if (status.state() == TaskState.SUCCESS && status.resultFormat() != null) {
      return status.resultFormat() + " table, " + status.resultSize() + " bytes";
    }
    if (status.state() == TaskState.SUCCESS) {
      return String.valueOf(JsonValues.decode(status.result(), returnType));
    }
    if (status.error() != null) {
      return status.error().kind().wireName() + ": " + status.error().message();
    }
    return "";
  }
}
