package org.funcx.magics.commands;

import org.funcx.client.TaskStatus;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.remote.TaskLog;

/**
 * {@code %funcx result TASK_ID [--out VAR]}: a finished task's value (also in {@code _fx}), or
 * its error with the remote stack trace.
 */
public final class ResultCommand implements Subcommand {
  private final FuncxSession session;

  public ResultCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "result";
  }

  @Override
  public String usage() {
    return "%funcx result TASK_ID [--out VAR]";
  }

  @Override
  public String summary() {
    return "a finished task's value (into _fx) or its error";
  }

  @Override
  public Object run(String args, String body) {
    ParsedArgs parsed =
        MagicArgs.parse(args, ArgSpec.positional(1, 1).withValues("--out"), usage());
    String id = parsed.positional(0);
    TaskStatus status = session.call(c -> c.task(id));
    var entry = session.tasks().get(id);
    String returnType =
        entry
            .map(TaskLog.Entry::returnType)
            .orElseGet(() -> session.call(c -> c.function(status.functionId())).returnType());
    String function = entry.map(TaskLog.Entry::functionName).orElse(status.functionId());
    Object value = TaskOutcomes.valueOrThrow(session, function, status, returnType);
    CommonOptions.storeResult(session.context(), parsed, usage(), value);
    return value;
  }
}
