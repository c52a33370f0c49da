package org.funcx.magics;

import org.funcx.client.TaskFailedException;
import org.funcx.kernel.spi.MagicException;

/**
 * A task ran remotely and failed: the message says which task and why (the error kind and the
 * remote headline), the details carry the remote stack trace or compiler diagnostics.
 */
public final class RemoteTaskError extends MagicException {
  private static final long serialVersionUID = 1L;

  /** @param details the remote details, maybe annotated with notebook lines */
  public RemoteTaskError(String functionName, TaskFailedException failure, String details) {
    super(
        "task "
            + failure.taskId()
            + " ("
            + functionName
            + ") failed: "
            + failure.kind().wireName()
            + ": "
            + failure.error().message(),
        details,
        failure);
  }
}
