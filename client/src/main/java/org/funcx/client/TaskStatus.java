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
 */
public record TaskStatus(String taskId, TaskState state, String groupId, String functionId,
    String endpointId, JsonElement result, TaskError error, long completedAtMillis,
    String resultFormat, long resultSize) {

  public boolean finished() {
    return state.isTerminal();
  }
}
