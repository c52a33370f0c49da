package org.funcx.client;

import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/**
 * A task ended without a result: compile error, remote exception, timeout, worker or endpoint
 * lost... {@link #error()} has the kind and the details (diagnostics or remote stack trace).
 */
public class TaskFailedException extends RuntimeException {
  private final String taskId;
  private final TaskError error;

  public TaskFailedException(String taskId, TaskError error) {
    super(
        "task "
            + taskId
            + " failed ("
            + error.kind().wireName()
            + "): "
            + error.message()
            + (error.details().isEmpty() ? "" : "\n" + error.details()));
    this.taskId = taskId;
    this.error = error;
  }

  public String taskId() {
    return taskId;
  }

  public TaskError error() {
    return error;
  }

  public ErrorKind kind() {
    return error.kind();
  }
}
