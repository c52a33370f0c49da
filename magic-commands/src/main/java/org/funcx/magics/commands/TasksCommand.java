package org.funcx.magics.commands;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.funcx.client.TaskStatus;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.html.HtmlTable;
import org.funcx.magics.remote.TaskLog;

/** {@code %funcx tasks [--all]}: the latest tasks submitted from this notebook, with status. */
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
    return "%funcx tasks [--all]";
  }

  @Override
  public String summary() {
    return "the latest " + SHOWN + " tasks submitted from this notebook (--all: every one)";
  }

  @Override
  public Object run(String args, String body) {
    boolean all = MagicArgs.parse(args, ArgSpec.positional(0, 0).withFlags("--all"), usage())
        .flag("--all");
    List<TaskLog.Entry> entries = session.tasks().latest(all ? Integer.MAX_VALUE : SHOWN);
    Map<String, TaskStatus> statuses = entries.isEmpty() ? Map.of()
        : session.call(c -> c.batchStatus(entries.stream().map(TaskLog.Entry::taskId).toList()));
    HtmlTable table = new HtmlTable("task id", "function", "endpoint", "submitted", "status")
        .caption(entries.size() + " of " + session.tasks().size()
            + " task(s) submitted from this notebook");
    for (TaskLog.Entry e : entries) {
      TaskStatus status = statuses.get(e.taskId());
      table.row(e.taskId(), e.functionName(), e.endpointName(),
          TIME.format(Instant.ofEpochMilli(e.submittedAtMillis())),
          status == null ? "unknown to the service" : status.state().wireName());
    }
    return table.toHtml();
  }
}
