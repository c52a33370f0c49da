package org.funcx.magics.commands;

import java.time.Instant;
import org.funcx.client.TaskStatus;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.html.HtmlTable;
import org.funcx.magics.remote.TaskLog;

/** {@code %funcx status TASK_ID}: one task's state, and its value or error once finished. */
public final class StatusCommand implements Subcommand {
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
    return "%funcx status TASK_ID";
  }

  @Override
  public String summary() {
    return "show one task's status, value or error";
  }

  @Override
  public Object run(String args, String body) {
    String id = MagicArgs.parse(args, ArgSpec.positional(1, 1), usage()).positional(0);
    TaskStatus status = session.call(c -> c.task(id));
    var entry = session.tasks().get(id);
    String function = entry.map(TaskLog.Entry::functionName).orElse(status.functionId());
    String returnType = entry.map(TaskLog.Entry::returnType).orElse(null);
    return new HtmlTable("task id", "function", "status", "finished", "value / error")
        .row(id, function, status.state().wireName(), status.completedAtMillis() == 0 ? ""
            : Instant.ofEpochMilli(status.completedAtMillis()).toString(),
            TaskOutcomes.summary(status, returnType))
        .toHtml();
  }
}
