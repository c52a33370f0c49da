package org.funcx.magics.commands;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.funcx.client.EndpointInfo;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.ShellResult;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.FunctionSpec;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ShellLine;
import org.funcx.magics.args.Usage;

/**
 * {@code %funcx sh [--endpoint E] [--timeout S] [--nodes N] [--ranks R] [--cpus-per-rank C] CMD
 * [name=value…]} and {@code %%funcx sh …} (the cell body is the script): runs a shell command once
 * on the endpoint; with ranks, through srun on a Slurm endpoint. The command is registered
 * as a shell function the first time (found again by its hash), its output goes to the cell's
 * stdout and stderr, a non-zero return code is shown on stderr, and the {@link ShellResult} lands
 * in {@code _fx}. Placeholder values never reach the shell as code.
 */
public final class ShCommand implements Subcommand {
  private static final List<String> OPTIONS =
      List.of("--endpoint", "--timeout", "--nodes", "--ranks", "--cpus-per-rank");
  private final FuncxSession session;
  private final boolean cell;

  /** Shell functions registered from this notebook, by template hash. */
  private final Map<String, RegisteredFunction> registered;

  /** The line form and the cell form, sharing what they registered. */
  public static List<Subcommand> both(FuncxSession session) {
    Map<String, RegisteredFunction> registered = new ConcurrentHashMap<>();
    return List.of(
        new ShCommand(session, false, registered), new ShCommand(session, true, registered));
  }

  private ShCommand(
      FuncxSession session, boolean cell, Map<String, RegisteredFunction> registered) {
    this.session = session;
    this.cell = cell;
    this.registered = registered;
  }

  @Override
  public String name() {
    return "sh";
  }

  @Override
  public boolean cellForm() {
    return cell;
  }

  @Override
  public String usage() {
    return cell
        ? "%%funcx sh [--endpoint E] [--timeout SECONDS] "
            + CommonOptions.RESOURCE_USAGE
            + " [name=value...]"
        : "%funcx sh [--endpoint E] [--timeout SECONDS] "
            + CommonOptions.RESOURCE_USAGE
            + " CMD [name=value...]";
  }

  @Override
  public String summary() {
    return cell
        ? "run the cell body as a shell script on the endpoint; {name} placeholders"
        : "run a shell command on the endpoint; {name} placeholders take name=value";
  }

  @Override
  public Object run(String args, String body) throws InterruptedException {
    ShellLine line = ShellLine.parse(args, OPTIONS, !cell, usage());
    String template = cell ? body : line.command();
    if (template == null || template.isBlank()) throw Usage.error("no command to run", usage());
    var options = CommonOptions.taskOptions(line.options(), usage());
    EndpointInfo endpoint = UseCommand.chosen(session, line.options().value("--endpoint"));
    RegisteredFunction function =
        registered.computeIfAbsent(
            FunctionSpec.shellHash(template),
            hash -> session.call(c -> c.registerShell(null, template)));
    List<String> ids =
        Submitter.submit(
            session, "sh", function, endpoint, List.of(List.<Object>of(line.arguments())), options);
    // What it prints streams into the cell while it runs, before its value or error.
    TaskStatus status = LiveOutput.await(session, endpoint, ids.get(0));
    ShellResult result = ShellResult.of(TaskOutcomes.valueOrThrow(session, "sh", status, null));
    if (result.returncode() != 0) {
      System.err.println("[funcx sh: return code " + result.returncode() + "]");
      System.err.flush();
    }
    session.context().setVariable(CommonOptions.RESULT_VARIABLE, result);
    return null;
  }
}
