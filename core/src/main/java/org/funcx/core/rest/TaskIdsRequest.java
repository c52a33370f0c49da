package org.funcx.core.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v2/batch_status}: {@code {"task_ids": [...]}}. Its answer, task
 * documents by id, is written and read streaming (service {@code TaskJson}, client
 * {@code TaskStatusJson}), not through a record.
 */
public record TaskIdsRequest(List<String> taskIds) {
  public TaskIdsRequest {
    taskIds = List.copyOf(taskIds);
  }

  /** Reads the ids; {@code maxIds} is checked before any id is read. */
  public static TaskIdsRequest fromJson(JsonObject o, int maxIds) {
    JsonElement ids = o.get("task_ids");
    if (ids == null || !ids.isJsonArray()) {
      throw new RestFieldException(
          RestFieldException.MISSING, "task_ids", "field 'task_ids' must be an array of ids");
    }
    if (ids.getAsJsonArray().size() > maxIds)
      throw new TooManyIdsException(maxIds, ids.getAsJsonArray().size());
    List<String> out = new ArrayList<>(ids.getAsJsonArray().size());
    for (JsonElement e : ids.getAsJsonArray()) {
      if (!e.isJsonPrimitive()) {
        throw new RestFieldException("invalid_id", "task_ids", "task ids are strings");
      }
      out.add(e.getAsString());
    }
    return new TaskIdsRequest(out);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.add("task_ids", JsonFields.array(taskIds));
    return o;
  }

  /** More ids than one request may ask about. */
  public static final class TooManyIdsException extends IllegalArgumentException {
    private final int limit;
    private final int requested;

    TooManyIdsException(int limit, int requested) {
      super("batch_status takes at most " + limit + " ids per request, got " + requested);
      this.limit = limit;
      this.requested = requested;
    }

    public int limit() {
      return limit;
    }

    public int requested() {
      return requested;
    }
  }
}
