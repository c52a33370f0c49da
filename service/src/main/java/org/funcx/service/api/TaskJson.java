package org.funcx.service.api;

import static org.funcx.core.rest.TaskDocumentFields.*;

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
    out.name(TASK_ID).value(task.taskId());
    out.name(STATUS).value(state.wireName());
    out.name(TASK_GROUP_ID).value(task.groupId());
    out.name(FUNCTION_ID).value(task.functionId());
    out.name(ENDPOINT_ID).value(task.endpointId());
    out.name(CREATED_AT).value(task.createdAtMillis());
    if (state.isTerminal()) out.name(COMPLETED_AT).value(task.completedAtMillis());
    if (task.resultJson() != null) result(out, task.resultJson());
    if (task.resultFormat() != null) {
      out.name(RESULT_FORMAT).value(task.resultFormat());
      out.name(RESULT_SIZE).value(task.resultSize());
    }
    if (task.error() != null) {
      out.name(ERROR).beginObject();
      out.name(ERROR_KIND).value(task.error().kind().wireName());
      out.name(ERROR_MESSAGE).value(task.error().message());
      out.name(ERROR_DETAILS).value(task.error().details());
      out.endObject();
    }
    // Left out when nothing was printed (or the task never reached a worker).
    if (task.stdout() != null) out.name(STDOUT).value(task.stdout());
    if (task.stderr() != null) out.name(STDERR).value(task.stderr());
    out.endObject();
  }

  /**
   * Embeds a stored JSON result as it is; text that is not one JSON value (stored before results
   * were checked) goes in as a string, so it can never add fields to the document.
   */
  private static void result(JsonWriter out, String json) throws IOException {
    if (JsonText.isOneValue(json)) {
      out.name(RESULT).jsonValue(json);
    } else {
      out.name(RESULT).value(json);
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
