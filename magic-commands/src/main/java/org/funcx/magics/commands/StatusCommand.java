package org.funcx.magics.commands;

import java.time.Instant;
import java.util.regex.Pattern;
import org.funcx.client.TaskStatus;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.html.HtmlTable;
import org.funcx.magics.remote.TaskLog;

/**
 * {@code %funcx status TASK_ID}: one task's state, and its value or error once finished; without a
 * task id, the federation at a glance (the view {@code %funcx dashboard} keeps updating, as
 * {@code %funcx status --watch} does).
 */
public final class StatusCommand implements Subcommand {
  private static final Pattern WATCH = Pattern.compile("(?:^|\\s)--watch(?=\\s|$)");
  private final FuncxSession session;

  public StatusCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String usage() {
    return "%funcx status [TASK_ID | --watch [--for S] [--every S]]";
  }

  @Override
  public String summary() {
    return "one task's status, value or error; without an id, endpoints, workers and this"
        + " notebook's tasks (--watch: updated in place)";
  }

  @Override
  public Object run(String args, String body) {
    if (WATCH.matcher(args).find()) {
      return new DashboardCommand(session).run(WATCH.matcher(args).replaceFirst(" ").strip(), null);
    }
    ParsedArgs parsed = MagicArgs.parse(args, ArgSpec.positional(0, 1), usage());
    if (parsed.positional().isEmpty()) return DashboardCommand.snapshot(session);
    String id = parsed.positional(0);
    TaskStatus status = session.call(c -> c.task(id));
    var entry = session.tasks().get(id);
    String function = entry.map(TaskLog.Entry::functionName).orElse(status.functionId());
    String returnType = entry.map(TaskLog.Entry::returnType).orElse(null);
    return new HtmlTable("task id", "function", "status", "finished", "value / error")
        .row(
            id,
            function,
            status.state().wireName(),
            status.completedAtMillis() == 0
                ? ""
                : Instant.ofEpochMilli(status.completedAtMillis()).toString(),
            TaskOutcomes.summary(status, returnType))
        .toHtml();
  }
}
