package org.funcx.magics.commands;

import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/** {@code %funcx cancel TASK_ID}: cancels a task, queued or running. */
public final class CancelCommand implements Subcommand {
  private final FuncxSession session;

  public CancelCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "cancel";
  }

  @Override
  public String usage() {
    return "%funcx cancel TASK_ID";
  }

  @Override
  public String summary() {
    return "cancel a task, queued or running (its worker is freed)";
  }

  @Override
  public Object run(String args, String body) {
    String id = MagicArgs.parse(args, ArgSpec.positional(1, 1), usage()).positional(0);
    if (session.call(c -> c.cancel(id))) return "cancelled task " + id;
    String state = session.call(c -> c.task(id)).state().wireName();
    return "task " + id + " could not be cancelled: it is " + state;
  }
}
