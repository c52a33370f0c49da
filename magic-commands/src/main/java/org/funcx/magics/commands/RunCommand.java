package org.funcx.magics.commands;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.funcx.client.EndpointInfo;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskStatus;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.Registrar;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.ArgumentEvaluator;
import org.funcx.magics.args.CallSyntax;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;

/**
 * {@code %funcx run NAME(ARGS...)}: runs a function once on the endpoint and shows its value. The
 * arguments are Java expressions evaluated in the notebook; the value lands in {@code _fx}. What
 * the function printed streams into the cell's stdout and stderr while the task runs. With
 * {@code --plot} the cell shows the value as a chart instead.
 */
public final class RunCommand implements Subcommand {
  private static final ArgSpec SPEC =
      ArgSpec.positional(1, 1)
          .withFlags("--cache")
          .withValues(
              "--endpoint",
              "--timeout",
              "--out",
              "--nodes",
              "--ranks",
              "--cpus-per-rank",
              "--plot");
  private final FuncxSession session;
  private final Registrar registrar;

  public RunCommand(FuncxSession session, Registrar registrar) {
    this.session = session;
    this.registrar = registrar;
  }

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String usage() {
    return "%funcx run NAME(ARGS...) [--endpoint E] [--timeout SECONDS] [--cache] [--out VAR] "
        + CommonOptions.RESOURCE_USAGE
        + " ["
        + PlotOption.USAGE
        + "]";
  }

  @Override
  public String summary() {
    return "run a function once; ARGS are Java expressions; the value goes to _fx";
  }

  @Override
  public Object run(String args, String body) throws InterruptedException {
    ParsedArgs parsed = MagicArgs.parse(args, SPEC, usage());
    CallSyntax call = CallSyntax.parse(parsed.positional(0), usage());
    var options = CommonOptions.taskOptions(parsed, usage());
    Optional<PlotOption> plot = PlotOption.of(parsed, usage());
    RegisteredFunction function = registrar.find(call.name());
    EndpointInfo endpoint = UseCommand.chosen(session, parsed.value("--endpoint"));
    List<Object> arguments = new ArgumentEvaluator(session.context()).arguments(call.arguments());
    List<String> ids =
        Submitter.submit(
            session,
            call.name(),
            function,
            endpoint,
            Collections.singletonList(arguments),
            options);
    // What it prints streams into the cell while it runs, before its value or error.
    TaskStatus status = LiveOutput.await(session, endpoint, ids.get(0));
    Object value = TaskOutcomes.valueOrThrow(session, call.name(), status, function.returnType());
    CommonOptions.storeResult(session.context(), parsed, usage(), value);
    // drawn instead of the table; the value stays in _fx (or --out) for more charts
    return plot.isPresent() ? plot.get().draw(value) : value;
  }
}
