package org.funcx.magics.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.funcx.client.EndpointInfo;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.funcx.kernel.display.Html;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.Registrar;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.ArgumentEvaluator;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.args.Usage;
import org.funcx.magics.html.HtmlTable;
import org.funcx.magics.remote.JsonValues;
import org.funcx.magics.remote.ResultWaiter;
import org.owasp.encoder.Encode;

/**
 * {@code %%funcx map NAME}: one call per line of the cell (each line an argument list of Java
 * expressions), or {@code %funcx map NAME --over EXPR}: one call per element of a notebook value
 * ({@link MapOver}); submitted in one request. A progress line updates while tasks finish; the result
 * is one table (task id, status, value or error) and the values, in line order, land in
 * {@code _fx} (null for failed calls). Every map is a named group ({@link MapGroupTasks}):
 * re-running the cell, after an interrupt or a kernel restart, reattaches to its tasks. With
 * {@code --plot} a chart of the values follows the table.
 */
public final class MapCommand implements Subcommand {
  private static final ArgSpec SPEC =
      ArgSpec.positional(1, 1)
          .withFlags("--cache", "--resubmit")
          .withValues("--endpoint", "--timeout", "--out", "--group", "--plot");

  /** {@code --over} takes the rest of the line: a Java expression has spaces and quotes. */
  private static final Pattern OVER = Pattern.compile("(?:^|\\s)--over(?:\\s+|$)");

  private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(200).toNanos();
  private final FuncxSession session;
  private final Registrar registrar;

  public MapCommand(FuncxSession session, Registrar registrar) {
    this.session = session;
    this.registrar = registrar;
  }

  @Override
  public String name() {
    return "map";
  }

  @Override
  public String usage() {
    return "%%funcx map NAME [--endpoint E] [--timeout SECONDS] [--cache] [--out VAR]"
        + " [--group G] [--resubmit] ["
        + PlotOption.USAGE
        + "]   (then one argument list per"
        + " line), or %funcx map NAME [same options] --over EXPR   (EXPR: the rest of the line)";
  }

  @Override
  public String summary() {
    return "run a function once per line of the cell, or per element of a notebook value;"
        + " results as one table, values in _fx";
  }

  @Override
  public boolean cellForm() {
    return true;
  }

  @Override
  public boolean lineForm() {
    return true;
  }

  @Override
  public Object run(String args, String body) throws InterruptedException {
    Matcher overAt = OVER.matcher(args);
    Optional<String> over = Optional.empty();
    if (overAt.find()) {
      over = Optional.of(args.substring(overAt.end()).strip());
      if (over.get().isEmpty()) throw Usage.error("--over needs a Java expression", usage());
      args = args.substring(0, overAt.start());
    }
    ParsedArgs parsed = MagicArgs.parse(args, SPEC, usage());
    String name = parsed.positional(0);
    List<String> lines = new ArrayList<>();
    List<Integer> cellLines = new ArrayList<>();
    String[] all = body == null ? new String[0] : body.split("\\R", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      if (line.isEmpty() || line.startsWith("//")) continue;
      lines.add(line);
      cellLines.add(i + 2);
    }
    if (over.isPresent() && !lines.isEmpty()) {
      throw Usage.error(
          "--over maps over a value: leave the cell's lines out, or drop --over", usage());
    }
    if (over.isEmpty() && lines.isEmpty()) {
      throw Usage.error(
          body == null
              ? "%funcx map needs --over EXPR (or use %%funcx map with one"
                  + " argument list per line)"
              : "no argument lines below the magic",
          usage());
    }
    var options = CommonOptions.taskOptions(parsed, usage());
    Optional<PlotOption> plot = PlotOption.of(parsed, usage());
    RegisteredFunction function = registrar.find(name);
    EndpointInfo endpoint = UseCommand.chosen(session, parsed.value("--endpoint"));
    List<List<Object>> inputs =
        over.isPresent()
            ? MapOver.argumentLists(session.context(), over.get())
            : new ArgumentEvaluator(session.context()).argumentLists(lines, cellLines.get(0));
    MapGroupTasks.Attached attached =
        MapGroupTasks.submitOrReattach(session, parsed, name, function, endpoint, inputs, options);
    List<String> ids = attached.taskIds();
    String progressId = session.context().display(progress(name, 0, 0, ids.size(), Duration.ZERO));
    long[] lastShown = {System.nanoTime()};
    Map<String, TaskStatus> statuses;
    try {
      statuses =
          new ResultWaiter(session, endpoint, ResultWaiter.OnInterrupt.KEEP_RUNNING)
              .await(
                  ids,
                  (finished, failed, total, elapsed) -> {
                    if (finished < total
                        && System.nanoTime() - lastShown[0] < PROGRESS_EVERY_NANOS) {
                      return;
                    }
                    lastShown[0] = System.nanoTime();
                    session
                        .context()
                        .updateDisplay(
                            progressId, progress(name, finished, failed, total, elapsed));
                  });
    } catch (InterruptedException stopped) {
      MapGroupTasks.stoppedWaiting(attached.group());
      throw stopped;
    }
    return results(parsed, name, function, endpoint, ids, statuses, attached.group(), plot);
  }

  /** The results' table, or with {@code --plot} the table shown and then the values' chart. */
  private Object results(
      ParsedArgs parsed,
      String name,
      RegisteredFunction function,
      EndpointInfo endpoint,
      List<String> ids,
      Map<String, TaskStatus> statuses,
      String group,
      Optional<PlotOption> plot) {
    HtmlTable table = new HtmlTable("#", "task id", "status", "value / error", "output");
    List<Object> values = new ArrayList<>(ids.size());
    int failed = 0;
    for (int i = 0; i < ids.size(); i++) {
      TaskStatus status = statuses.get(ids.get(i));
      boolean ok = status.state() == TaskState.SUCCESS;
      if (!ok) failed++;
      values.add(ok ? JsonValues.decode(status.result(), function.returnType()) : null);
      table.row(
          i + 1,
          ids.get(i),
          status.state().wireName(),
          TaskOutcomes.summary(status, function.returnType()),
          PrintedOutput.summary(status));
    }
    CommonOptions.storeResult(session.context(), parsed, usage(), values);
    table.caption(
        name
            + " over "
            + ids.size()
            + " input(s) on "
            + endpoint.name()
            + ": "
            + (ids.size() - failed)
            + " succeeded, "
            + failed
            + " failed (group "
            + group
            + ")");
    if (plot.isEmpty()) return table.toHtml();
    session.context().display(table.toHtml());
    return plot.get().draw(values); // failed calls are null values: left out of the chart
  }

  private static Html progress(String name, int finished, int failed, int total, Duration elapsed) {
    String text =
        String.format(
            Locale.ROOT,
            "%s: %d/%d done, %d failed, %.1f s",
            name,
            finished,
            total,
            failed,
            elapsed.toMillis() / 1000.0);
    return new Html(
        "<div class=\"funcx-progress\"><progress value=\""
            + finished
            + "\" max=\""
            + total
            + "\"></progress> "
            + Encode.forHtml(text)
            + "</div>",
        text);
  }
}
