package org.funcx.service.api;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.funcx.core.model.TaskState;
import org.funcx.service.store.JsonText;
import org.funcx.service.store.TaskRecord;

/**
 * Writes task status documents with a streaming writer: results are stored as JSON text and are
 * embedded as they are (after a token scan that proves them one value), never turned into trees,
 * so large batches stay cheap.
 */
final class TaskJson {
  private TaskJson() {}

  static void write(JsonWriter out, TaskRecord task, TaskState state) throws IOException {
    out.beginObject();
    out.name("task_id").value(task.taskId());
    out.name("status").value(state.wireName());
    out.name("task_group_id").value(task.groupId());
    out.name("function_id").value(task.functionId());
    out.name("endpoint_id").value(task.endpointId());
    out.name("created_at").value(task.createdAtMillis());
    if (state.isTerminal()) out.name("completed_at").value(task.completedAtMillis());
    if (task.resultJson() != null) result(out, task.resultJson());
    if (task.resultFormat() != null) {
      out.name("result_format").value(task.resultFormat());
      out.name("result_size").value(task.resultSize());
    }
    if (task.error() != null) {
      out.name("error").beginObject();
      out.name("kind").value(task.error().kind().wireName());
      out.name("message").value(task.error().message());
      out.name("details").value(task.error().details());
      out.endObject();
    }
    // Left out when nothing was printed (or the task never reached a worker).
    if (task.stdout() != null) out.name("stdout").value(task.stdout());
    if (task.stderr() != null) out.name("stderr").value(task.stderr());
    out.endObject();
  }

  /**
   * Embeds a stored JSON result as it is; text that is not one JSON value (stored before results
   * were checked) goes in as a string, so it can never add fields to the document.
   */
  private static void result(JsonWriter out, String json) throws IOException {
    if (JsonText.isOneValue(json)) {
      out.name("result").jsonValue(json);
    } else {
      out.name("result").value(json);
    }
  }

  /** Builds a JSON document with {@code body} writing into an open writer. */
  static String document(JsonBody body) {
    TextBuffer text = new TextBuffer(256);
    try (JsonWriter out = new JsonWriter(text)) {
      out.setHtmlSafe(false);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  @FunctionalInterface
  interface JsonBody {
    void write(JsonWriter out) throws IOException;
  }
}
