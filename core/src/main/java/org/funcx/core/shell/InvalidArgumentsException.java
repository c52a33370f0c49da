package org.funcx.core.shell;

import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/** Arguments that do not fill a shell template: a missing or extra name, or a bad value. */
public final class InvalidArgumentsException extends Exception {
  InvalidArgumentsException(String message) {
    super(message);
  }

  /** The task failure it becomes: {@code argument_error}, like a Java call with wrong arguments. */
  public TaskError error(String taskId) {
    return TaskError.of(ErrorKind.ARGUMENT_ERROR, "task " + taskId + ": " + getMessage());
  }
}
