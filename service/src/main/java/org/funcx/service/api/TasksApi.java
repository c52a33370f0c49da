package org.funcx.service.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.core.model.TaskState;
import org.funcx.core.rest.TaskGroupAnswer;
import org.funcx.core.rest.TaskIdsRequest;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;

/**
 * {@code /v2/tasks}, {@code /v2/batch_status}, {@code /v2/task_groups}: reading and cancelling
 * one's own tasks; other users' tasks do not exist here (404, or "unknown" in batch status).
 */
final class TasksApi {
  static final int MAX_STATUS_IDS = 100_000;
  private final TaskReader reader;
  private final TaskStorage store;
  private final Forwarder forwarder;

  TasksApi(TaskReader reader, TaskStorage store, Forwarder forwarder) {
    this.reader = reader;
    this.store = store;
    this.forwarder = forwarder;
  }

  private static String subject(Context ctx) {
    return AuthGate.principal(ctx).subject();
  }

  void get(Context ctx) {
    String id = Requests.uuid(ctx.pathParam("id"), "task");
    TaskReader.Snapshot task = reader.read(id, subject(ctx));
    if (task == null) throw ApiException.notFound("task", id);
    ctx.contentType("application/json")
        .result(TaskJson.document(out -> TaskJson.write(out, task.record(), task.state())));
  }

  /**
   * The result alone: JSON results as JSON, binary ones streamed as they are stored (Arrow IPC
   * as {@code application/vnd.apache.arrow.stream}), so large tables are never held in memory.
   */
  void result(Context ctx) throws java.io.IOException {
    String id = Requests.uuid(ctx.pathParam("id"), "task");
    TaskReader.Snapshot task = reader.read(id, subject(ctx));
    if (task == null) throw ApiException.notFound("task", id);
    TaskRecord r = task.record();
    if (task.state() != TaskState.SUCCESS) {
      String why =
          r.error() == null ? "" : ": " + r.error().kind().wireName() + ": " + r.error().message();
      throw new ApiException(
          409,
          "no_result",
          "task " + id + " is " + task.state().wireName() + why,
          Map.of("status", task.state().wireName()));
    }
    if (r.resultFormat() == null) {
      ctx.contentType("application/json").result(r.resultJson());
      return;
    }
    String type =
        "arrow".equals(r.resultFormat())
            ? "application/vnd.apache.arrow.stream"
            : "application/octet-stream";
    ctx.contentType(type)
        .header("X-Funcx-Result-Format", r.resultFormat())
        .result(store.openBinary(id));
  }

  /** {@code {"task_ids": [...]}} → {@code {"results": {id: status}, "unknown": [...]}}. */
  void batchStatus(Context ctx) {
    TaskIdsRequest request;
    try {
      request = TaskIdsRequest.fromJson(Requests.jsonObject(ctx), MAX_STATUS_IDS);
    } catch (TaskIdsRequest.TooManyIdsException e) {
      throw new ApiException(413, "too_many_ids", e.getMessage());
    }
    List<TaskReader.Snapshot> found = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String requested : request.taskIds()) {
      String id = Requests.uuid(requested, "task");
      TaskReader.Snapshot task = reader.read(id, subject(ctx));
      if (task == null) unknown.add(id);
      else found.add(task);
    }
    ctx.contentType("application/json")
        .result(
            TaskJson.document(
                out -> {
                  out.beginObject().name("results").beginObject();
                  for (TaskReader.Snapshot t : found) {
                    out.name(t.record().taskId());
                    TaskJson.write(out, t.record(), t.state());
                  }
                  out.endObject().name("unknown").beginArray();
                  for (String id : unknown) out.value(id);
                  out.endArray().endObject();
                }));
  }

  void group(Context ctx) {
    String id = Requests.uuid(ctx.pathParam("id"), "task group");
    List<String> taskIds = reader.groupTaskIds(id, subject(ctx));
    if (taskIds == null) {
      throw ApiException.notFound("task_group", id);
    }
    ctx.json(new TaskGroupAnswer(id, taskIds).toJson());
  }

  /**
   * Cancels an unfinished task, queued or running (the endpoint is told to stop it and free its
   * worker); 409 when it has finished.
   */
  void cancel(Context ctx) throws Exception {
    String id = Requests.uuid(ctx.pathParam("id"), "task");
    TaskReader.Snapshot task = reader.read(id, subject(ctx));
    if (task == null) throw ApiException.notFound("task", id);
    boolean cancelled;
    try {
      cancelled = !task.state().isTerminal() && forwarder.cancel(id).get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) throw cause;
      throw e;
    }
    if (!cancelled) {
      TaskState now = reader.read(id, subject(ctx)).state();
      throw new ApiException(
          409,
          "not_cancellable",
          "task " + id + " is " + now.wireName() + "; only unfinished tasks can be cancelled",
          Map.of("status", now.wireName()));
    }
    ctx.json(Map.of("task_id", id, "status", TaskState.CANCELLED.wireName()));
  }
}
