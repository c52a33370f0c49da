package org.funcx.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;

/** Reads the service's task documents (REST answers and WebSocket pushes alike). */
final class TaskStatusJson {
  private TaskStatusJson() {}

  static TaskStatus parse(JsonObject o) {
    TaskError error = null;
    if (o.has("error") && o.get("error").isJsonObject()) {
      error = error(o.getAsJsonObject("error"));
    }
    return new TaskStatus(o.get("task_id").getAsString(),
        TaskState.fromWireName(o.get("status").getAsString()), text(o, "task_group_id"),
        text(o, "function_id"), text(o, "endpoint_id"), o.get("result"), error,
        o.has("completed_at") ? o.get("completed_at").getAsLong() : 0, text(o, "result_format"),
        o.has("result_size") ? o.get("result_size").getAsLong() : 0, text(o, "stdout"),
        text(o, "stderr"));
  }

  /**
   * Reads one task document from a stream, without building a tree of it first: a push of
   * 10,000 results is then parsed once, not parsed into maps and read again (a quarter of the
   * client's CPU). Only the result value itself becomes a tree. Unknown fields are skipped.
   */
  static TaskStatus read(JsonReader in) throws IOException {
    String taskId = null;
    TaskState state = null;
    String group = null;
    String function = null;
    String endpoint = null;
    JsonElement result = null;
    TaskError error = null;
    long completed = 0;
    String format = null;
    long size = 0;
    String stdout = null;
    String stderr = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "task_id" -> taskId = text(in);
        case "status" -> state = TaskState.fromWireName(text(in));
        case "task_group_id" -> group = text(in);
        case "function_id" -> function = text(in);
        case "endpoint_id" -> endpoint = text(in);
        case "result" -> result = JsonParser.parseReader(in);
        case "completed_at" -> completed = in.nextLong();
        case "result_format" -> format = text(in);
        case "result_size" -> size = in.nextLong();
        case "stdout" -> stdout = text(in);
        case "stderr" -> stderr = text(in);
        case "error" -> {
          JsonElement e = JsonParser.parseReader(in);
          if (e.isJsonObject()) error = error(e.getAsJsonObject());
        }
        default -> in.skipValue();
      }
    }
    in.endObject();
    if (taskId == null || state == null) {
      throw new JsonParseException("a task document without task_id or status");
    }
    return new TaskStatus(taskId, state, group, function, endpoint, result, error, completed,
        format, size, stdout, stderr);
  }

  private static TaskError error(JsonObject e) {
    return new TaskError(ErrorKind.fromWireName(e.get("kind").getAsString()), text(e, "message"),
        text(e, "details"));
  }

  private static String text(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    return in.nextString();
  }

  private static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
