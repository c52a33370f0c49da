package org.funcx.service.api;

import io.javalin.http.Context;
import java.io.IOException;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.store.RecentGroups;
import org.funcx.service.store.TaskRecord;

/**
 * {@code GET /v2/activity}: the caller's last hour (tasks finished and failed by kind per minute,
 * recent groups and tasks) for the dashboard; {@code GET /v2/activity/charts/{name}} draws it as
 * SVG. Only the caller's own tasks are read, as everywhere in the API.
 */
final class ActivityApi {
  /** Characters of a result, stdout or stderr the activity view carries per task (the tail). */
  static final int MAX_SHOWN_CHARS = 2_048;

  /** How long one read of a user's activity answers their requests. */
  static final long REUSE_MILLIS = 2_000;

  /** Users whose last read is remembered. */
  static final int MAX_REMEMBERED = 1_000;

  private final TaskReader reader;
  private final RecentGroups recent;
  private final java.util.Map<String, Activity> lastRead =
      new java.util.concurrent.ConcurrentHashMap<>();

  ActivityApi(TaskReader reader, RecentGroups recent) {
    this.reader = reader;
    this.recent = recent;
  }

  /**
   * The caller's activity, read at most once per {@link #REUSE_MILLIS}: a dashboard refresh asks
   * for the figures and both charts at once, and one read of up to 10,000 tasks serves all three
   * (and they agree).
   */
  private Activity read(Context ctx) {
    String subject = AuthGate.principal(ctx).subject();
    long now = System.currentTimeMillis();
    Activity last = lastRead.get(subject);
    if (last != null && now - last.nowMillis >= 0 && now - last.nowMillis < REUSE_MILLIS)
      return last;
    if (lastRead.size() >= MAX_REMEMBERED) lastRead.clear(); // a crowd of users: start afresh
    Activity fresh = Activity.of(subject, recent, reader, now);
    lastRead.put(subject, fresh);
    return fresh;
  }

  void activity(Context ctx) {
    Activity a = read(ctx);
    ctx.contentType("application/json")
        .result(
            TaskJson.document(
                out -> {
                  out.beginObject();
                  out.name("now").value(a.nowMillis);
                  out.name("window_seconds").value(Activity.WINDOW_MILLIS / 1000);
                  out.name("bucket_seconds").value(Activity.BUCKET_MILLIS / 1000);
                  out.name("tasks_read").value(a.tasksRead);
                  out.name("tasks_read_limit").value(Activity.MAX_TASKS_READ);
                  out.name("truncated").value(a.truncated);
                  out.name("finished_last_hour").value(a.finishedInWindow());
                  out.name("failures_by_kind").beginObject();
                  for (var e : a.failuresByKind().entrySet())
                    out.name(e.getKey()).value(e.getValue());
                  out.endObject();
                  out.name("per_minute").beginArray();
                  for (Activity.Minute m : a.minutes) {
                    out.beginObject()
                        .name("start")
                        .value(m.startMillis)
                        .name("finished")
                        .value(m.finished())
                        .name("succeeded")
                        .value(m.succeeded)
                        .name("failed")
                        .beginObject();
                    for (var e : m.failedByKind.entrySet())
                      out.name(e.getKey()).value(e.getValue());
                    out.endObject().endObject();
                  }
                  out.endArray();
                  out.name("task_groups").beginArray();
                  for (Activity.Group g : a.groups) {
                    out.beginObject()
                        .name("task_group_id")
                        .value(g.entry().groupId())
                        .name("submitted_at")
                        .value(g.entry().submittedAtMillis())
                        .name("task_count")
                        .value(g.entry().taskCount())
                        .name("states")
                        .beginObject();
                    for (var e : g.states().entrySet()) out.name(e.getKey()).value(e.getValue());
                    out.endObject().endObject();
                  }
                  out.endArray();
                  out.name("tasks").beginArray();
                  for (TaskReader.Snapshot t : a.tasks)
                    TaskJson.write(out, shortened(t.record()), t.state());
                  out.endArray();
                  out.endObject();
                }));
  }

  void chart(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    Activity a = read(ctx);
    String svg =
        switch (name) {
          case "tasks_per_second.svg" -> ActivityCharts.tasksPerSecond(a);
          case "failures_by_kind.svg" -> ActivityCharts.failuresByKind(a);
          default -> throw ApiException.notFound("chart", name);
        };
    ctx.contentType("image/svg+xml").header("Cache-Control", "no-store").result(svg);
  }

  /** The task with its result and output cut to their last {@link #MAX_SHOWN_CHARS}. */
  private static TaskRecord shortened(TaskRecord r) {
    TaskRecord out = r.withOutput(tail(r.stdout()), tail(r.stderr()));
    if (r.resultJson() != null && r.resultJson().length() > MAX_SHOWN_CHARS) {
      // A cut JSON text is no JSON: say how large it is instead (the task's page has it whole).
      out =
          out.succeeded(
              "\"("
                  + r.resultJson().length()
                  + " characters; GET /v2/tasks/"
                  + r.taskId()
                  + "/result)\"",
              r.completedAtMillis());
    }
    return out;
  }

  private static String tail(String s) {
    return s == null || s.length() <= MAX_SHOWN_CHARS
        ? s
        : "…" + s.substring(s.length() - MAX_SHOWN_CHARS);
  }
}
