package org.funcx.client;

import static org.funcx.core.rest.TaskDocumentFields.*;

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
    if (o.has(ERROR) && o.get(ERROR).isJsonObject()) {
      error = error(o.getAsJsonObject(ERROR));
    }
    return new TaskStatus(
        o.get(TASK_ID).getAsString(),
        TaskState.fromWireName(o.get(STATUS).getAsString()),
        text(o, TASK_GROUP_ID),
        text(o, FUNCTION_ID),
        text(o, ENDPOINT_ID),
        o.get(RESULT),
        error,
        o.has(COMPLETED_AT) ? o.get(COMPLETED_AT).getAsLong() : 0,
        text(o, RESULT_FORMAT),
        o.has(RESULT_SIZE) ? o.get(RESULT_SIZE).getAsLong() : 0,
        text(o, STDOUT),
        text(o, STDERR));
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
        case TASK_ID -> taskId = text(in);
        case STATUS -> state = TaskState.fromWireName(text(in));
        case TASK_GROUP_ID -> group = text(in);
        case FUNCTION_ID -> function = text(in);
        case ENDPOINT_ID -> endpoint = text(in);
        case RESULT -> result = JsonParser.parseReader(in);
        case COMPLETED_AT -> completed = in.nextLong();
        case RESULT_FORMAT -> format = text(in);
        case RESULT_SIZE -> size = in.nextLong();
        case STDOUT -> stdout = text(in);
        case STDERR -> stderr = text(in);
        case ERROR -> {
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
    return new TaskStatus(
        taskId, state, group, function, endpoint, result, error, completed, format, size, stdout,
        stderr);
  }

  private static TaskError error(JsonObject e) {
    return new TaskError(
        ErrorKind.fromWireName(e.get(ERROR_KIND).getAsString()),
        text(e, ERROR_MESSAGE),
        text(e, ERROR_DETAILS));
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
