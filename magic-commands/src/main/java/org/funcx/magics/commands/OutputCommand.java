package org.funcx.magics.commands;

import org.funcx.client.TaskStatus;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/**
 * {@code %funcx output TASK_ID}: what one task printed, its stdout to the cell's stdout and its
 * stderr to the cell's stderr (the last 1 MiB of each, as the worker kept it).
 */
public final class OutputCommand implements Subcommand {
  private final FuncxSession session;

  public OutputCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "output";
  }

  @Override
  public String usage() {
    return "%funcx output TASK_ID";
  }

  @Override
  public String summary() {
    return "show what a finished task printed (stdout and stderr)";
  }

  @Override
  public Object run(String args, String body) {
    String id = MagicArgs.parse(args, ArgSpec.positional(1, 1), usage()).positional(0);
    TaskStatus status = session.call(c -> c.task(id));
    if (!status.finished()) {
      throw new MagicException(
          "task "
              + id
              + " is "
              + status.state().wireName()
              + ": its output arrives with its outcome; try again once it has finished");
    }
    if (status.stdout().isEmpty() && status.stderr().isEmpty()) {
      System.out.println("(task " + id + " printed nothing)");
      return null;
    }
    PrintedOutput.stream(status);
    return null;
  }
}
