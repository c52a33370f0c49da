package org.funcx.magics.commands;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.funcx.client.TaskStatus;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.html.HtmlTable;
import org.funcx.magics.remote.MapGroups;
import org.funcx.magics.remote.TaskLog;

/**
 * {@code %funcx tasks [--all]}: the latest tasks submitted from this notebook, with status;
 * {@code --group NAME}: a map's group, also one submitted before the kernel restarted.
 */
public final class TasksCommand implements Subcommand {
  static final int SHOWN = 50;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private final FuncxSession session;

  public TasksCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "tasks";
  }

  @Override
  public String usage() {
    return "%funcx tasks [--all | --group NAME]";
  }

  @Override
  public String summary() {
    return "the latest "
        + SHOWN
        + " tasks submitted from this notebook (--all: every one;"
        + " --group: a map's, after a restart too)";
  }

  @Override
  public Object run(String args, String body) {
    ParsedArgs parsed =
        MagicArgs.parse(
            args, ArgSpec.positional(0, 0).withFlags("--all").withValues("--group"), usage());
    if (parsed.value("--group").isPresent()) return group(parsed.value("--group").get());
    boolean all = parsed.flag("--all");
    List<TaskLog.Entry> entries = session.tasks().latest(all ? Integer.MAX_VALUE : SHOWN);
    Map<String, TaskStatus> statuses =
        entries.isEmpty()
            ? Map.of()
            : session.call(
                c -> c.batchStatus(entries.stream().map(TaskLog.Entry::taskId).toList()));
    HtmlTable table =
        new HtmlTable("task id", "function", "endpoint", "submitted", "status")
            .caption(
                entries.size()
                    + " of "
                    + session.tasks().size()
                    + " task(s) submitted from this notebook");
    for (TaskLog.Entry e : entries) {
      TaskStatus status = statuses.get(e.taskId());
      table.row(
          e.taskId(),
          e.functionName(),
          e.endpointName(),
          TIME.format(Instant.ofEpochMilli(e.submittedAtMillis())),
          status == null ? "unknown to the service" : status.state().wireName());
    }
    return table.toHtml();
  }

  /** A map group's tasks in line order with their state and value or error, without waiting. */
  private Object group(String name) {
    MapGroups groups = MapGroupTasks.groups(session);
    MapGroups.Group group =
        groups
            .find(MapGroups.checkName(name))
            .orElseThrow(
                () ->
                    new MagicException(
                        "no map group "
                            + name
                            + " for "
                            + session.url()
                            + " (groups: "
                            + (groups.names().isEmpty()
                                ? "none yet"
                                : String.join(", ", groups.names()))
                            + ")"));
    Map<String, TaskStatus> statuses = session.call(c -> c.batchStatus(group.taskIds()));
    HtmlTable table = new HtmlTable("#", "task id", "status", "value / error");
    int finished = 0;
    for (int i = 0; i < group.taskIds().size(); i++) {
      String id = group.taskIds().get(i);
      TaskStatus status = statuses.get(id);
      if (status != null && status.finished()) finished++;
      table.row(
          i + 1,
          id,
          status == null ? "unknown to the service" : status.state().wireName(),
          status == null ? "" : TaskOutcomes.summary(status, null));
    }
    return table
        .caption(
            "group "
                + group.name()
                + ": "
                + MapGroupTasks.describe(group)
                + "; "
                + finished
                + " of "
                + group.taskIds().size()
                + " finished")
        .toHtml();
  }
}
