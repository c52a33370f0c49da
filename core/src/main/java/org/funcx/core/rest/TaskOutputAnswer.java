package org.funcx.core.rest;

import com.google.gson.JsonObject;

/**
 * What {@code GET /v2/tasks/{id}/output} answers: what a task printed since the offsets asked
 * with, per stream, and whether it has finished (then that was the last of it).
 *
 * @param status the task's state, by its wire name
 */
public record TaskOutputAnswer(
    String taskId, String status, boolean finished, Slice stdout, Slice stderr) {

  /**
   * One stream's text from the offset asked with; {@code offset} is where to ask next,
   * {@code dropped} how many bytes before the text are no longer kept.
   */
  public record Slice(String text, long offset, long dropped) {
    static Slice fromJson(JsonObject o, String field) {
      JsonObject s = JsonFields.object(o, field, true);
      if (!s.has("offset")) throw RestFieldException.missing(field + ".offset");
      return new Slice(
          JsonFields.string(s, "text", true),
          JsonFields.whole(s, "offset", 0),
          JsonFields.whole(s, "dropped", 0));
    }

    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("text", text);
      o.addProperty("offset", offset);
      o.addProperty("dropped", dropped);
      return o;
    }
  }

  public static TaskOutputAnswer fromJson(JsonObject o) {
    Boolean finished = JsonFields.bool(o, "finished");
    if (finished == null) throw RestFieldException.missing("finished");
    return new TaskOutputAnswer(
        JsonFields.string(o, "task_id", true),
        JsonFields.string(o, "status", true),
        finished,
        Slice.fromJson(o, "stdout"),
        Slice.fromJson(o, "stderr"));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("task_id", taskId);
    o.addProperty("status", status);
    o.addProperty("finished", finished);
    o.add("stdout", stdout.toJson());
    o.add("stderr", stderr.toJson());
    return o;
  }
}
