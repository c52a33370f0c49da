package org.funcx.service.api;

import io.javalin.http.Context;
import org.funcx.core.rest.TaskOutputAnswer;
import org.funcx.jvm.OutputTail;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.output.LiveOutputWindows;
import org.funcx.service.output.OutputText;
import org.funcx.service.store.TaskRecord;

/**
 * {@code GET /v2/tasks/{id}/output?stdout_offset=N&stderr_offset=M}: what a task printed since
 * the reader's byte offsets, while it runs (from the live window) and once it has ended (from the
 * stored output), so a follower that asks until {@code finished} gets every byte once. Offsets
 * count bytes of each stream from the task's start; gaps (output no longer kept) come as a
 * {@code dropped} count and the dropped marker at the start of the text. Same access as the task.
 */
final class OutputApi {
  private final TaskReader reader;
  private final LiveOutputWindows live;

  OutputApi(TaskReader reader, LiveOutputWindows live) {
    this.reader = reader;
    this.live = live;
  }

  void output(Context ctx) {
    String id = Requests.uuid(ctx.pathParam("id"), "task");
    long outFrom = offset(ctx, "stdout_offset");
    long errFrom = offset(ctx, "stderr_offset");
    TaskReader.Snapshot task = reader.read(id, AuthGate.principal(ctx).subject());
    if (task == null) throw ApiException.notFound("task", id);
    TaskRecord record = task.record();
    // Finished only once the stored record says so: before, its final output may not be there.
    boolean finished = record.state().isTerminal();
    OutputText out =
        finished
            ? OutputText.read(stored(record.stdout()), outFrom, true)
            : OutputText.read(live.since(id, false, outFrom), outFrom, false);
    OutputText err =
        finished
            ? OutputText.read(stored(record.stderr()), errFrom, true)
            : OutputText.read(live.since(id, true, errFrom), errFrom, false);
    ctx.json(
        new TaskOutputAnswer(id, task.state().wireName(), finished, slice(out), slice(err))
            .toJson());
  }

  private static OutputTail.Slice stored(String text) {
    return text == null ? null : OutputTail.ofText(text);
  }

  private static TaskOutputAnswer.Slice slice(OutputText text) {
    return new TaskOutputAnswer.Slice(text.text(), text.offset(), text.dropped());
  }

  private static long offset(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) return 0;
    try {
      long offset = Long.parseLong(value);
      if (offset >= 0) return offset;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "invalid_offset",
        name
            + " must be a byte offset (a whole"
            + " number, 0 or more), got '"
            + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
            + "'");
  }
}
