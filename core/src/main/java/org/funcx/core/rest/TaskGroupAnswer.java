package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A task group: what {@code POST /v2/submit} answers (one task id per call, in order) and
 * {@code GET /v2/task_groups/{id}} reads back.
 */
public record TaskGroupAnswer(String taskGroupId, List<String> taskIds) {
  public TaskGroupAnswer {
    taskIds = List.copyOf(taskIds);
  }

  public static TaskGroupAnswer fromJson(JsonObject o) {
    if (!o.has("task_ids")) throw RestFieldException.missing("task_ids");
    return new TaskGroupAnswer(
        JsonFields.string(o, "task_group_id", true), JsonFields.strings(o, "task_ids"));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("task_group_id", taskGroupId);
    o.add("task_ids", JsonFields.array(taskIds));
    return o;
  }
}
