package org.funcx.client;

import com.google.gson.JsonElement;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;

/**
 * A task's state as last read from the service; {@code result} or {@code error} once finished.
 *
 * @param completedAtMillis when the task reached its terminal state; 0 before
 * @param resultFormat {@code arrow} when the result is a table, fetched with
 *     {@link FuncXClient#resultTable}; null for JSON results (in {@code result})
 * @param resultSize bytes of a binary result
 * @param stdout what the task printed to {@code System.out}: the last 1 MiB, after a line
 *     {@code [… N bytes dropped …]} when it printed more; empty when it printed nothing
 * @param stderr the same for {@code System.err}
 */
public record TaskStatus(
    String taskId,
    TaskState state,
    String groupId,
    String functionId,
    String endpointId,
    JsonElement result,
    TaskError error,
    long completedAtMillis,
    String resultFormat,
    long resultSize,
    String stdout,
    String stderr) {

  public TaskStatus {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  public boolean finished() {
    return state.isTerminal();
  }
}
