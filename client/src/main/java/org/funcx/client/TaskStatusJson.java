package org.funcx.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;

/** Reads the service's task documents (REST answers and WebSocket pushes alike). */
final class TaskStatusJson {
  private TaskStatusJson() {}

  static TaskStatus parse(JsonObject o) {
    TaskError error = null;
    if (o.has("error") && o.get("error").isJsonObject()) {
      JsonObject e = o.getAsJsonObject("error");
      error = new TaskError(ErrorKind.fromWireName(e.get("kind").getAsString()),
          text(e, "message"), text(e, "details"));
    }
    return new TaskStatus(o.get("task_id").getAsString(),
        TaskState.fromWireName(o.get("status").getAsString()), text(o, "task_group_id"),
        text(o, "function_id"), text(o, "endpoint_id"), o.get("result"), error,
        o.has("completed_at") ? o.get("completed_at").getAsLong() : 0, text(o, "result_format"),
        o.has("result_size") ? o.get("result_size").getAsLong() : 0);
  }

  private static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
