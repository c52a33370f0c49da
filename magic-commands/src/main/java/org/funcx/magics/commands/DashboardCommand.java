package org.funcx.magics.commands;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.funcx.client.EndpointInfo;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.funcx.kernel.display.Html;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.html.HtmlTable;
import org.funcx.magics.remote.TaskLog;

/**
 * {@code %funcx dashboard}: the federation's live state in the cell, redrawn in place every few
 * seconds while the cell runs: each endpoint's status, managers, busy and idle workers, queued and
 * running tasks, and this notebook's recent tasks by state with the rate they finish at.
 * Interrupting the cell stops the updates and keeps the last view.
 */
public final class DashboardCommand implements Subcommand {
  private static final ArgSpec SPEC = ArgSpec.positional(0, 0).withValues("--for", "--every");
  private static final double DEFAULT_FOR_S = 60;
  private static final double DEFAULT_EVERY_S = 2;

  /** The notebook's newest tasks counted each round: one batch status request. */
  static final int TASKS_COUNTED = 1_000;

  private final FuncxSession session;

  public DashboardCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "dashboard";
  }

  @Override
  public String usage() {
    return "%funcx dashboard [--for SECONDS (60)] [--every SECONDS (2)]";
  }

  @Override
  public String summary() {
    return "endpoints, workers and this notebook's tasks, updated in place while the cell runs";
  }

  @Override
  public Object run(String args, String body) {
    ParsedArgs parsed = MagicArgs.parse(args, SPEC, usage());
    double forSeconds =
        parsed
            .value("--for")
            .map(t -> CommonOptions.positiveSeconds("--for", t, usage()))
            .orElse(DEFAULT_FOR_S);
    double everySeconds =
        parsed
            .value("--every")
            .map(t -> CommonOptions.positiveSeconds("--every", t, usage()))
            .orElse(DEFAULT_EVERY_S);
    long deadline = System.nanoTime() + Math.round(forSeconds * 1e9);
    String updating = "(every " + everySeconds + " s; interrupt the cell to stop)";
    Round previous = Round.take(session, null);
    String display = session.context().display(previous.view(updating));
    try {
      while (System.nanoTime() < deadline) {
        Thread.sleep(Math.round(everySeconds * 1000));
        Round next = Round.take(session, previous);
        session.context().updateDisplay(display, next.view(updating));
        previous = next;
      }
    } catch (InterruptedException stopped) {
      // The way to stop watching: the last view stays, marked as no longer updating.
    }
    session.context().updateDisplay(display, previous.view("(no longer updating)"));
    return null;
  }

  /** One view of the federation, not updated: {@code %funcx status} without a task id. */
  static Html snapshot(FuncxSession session) {
    return Round.take(session, null).view("");
  }

  /** One look at the service: what the view shows, and what the next round's rate needs. */
  private record Round(
      List<EndpointInfo> endpoints,
      Map<TaskState, Integer> byState,
      int tasksCounted,
      long finished,
      long atNanos,
      double finishedPerSecond,
      String url) {

    static Round take(FuncxSession session, Round previous) {
      List<EndpointInfo> endpoints = session.call(c -> c.endpoints());
      List<TaskLog.Entry> recent = session.tasks().latest(TASKS_COUNTED);
      Map<String, TaskStatus> statuses =
          recent.isEmpty()
              ? Map.of()
              : session.call(
                  c -> c.batchStatus(recent.stream().map(TaskLog.Entry::taskId).toList()));
      Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
      long finished = 0;
      for (TaskStatus status : statuses.values()) {
        byState.merge(status.state(), 1, Integer::sum);
        if (status.finished()) finished++;
      }
      long now = System.nanoTime();
      double rate =
          previous == null
              ? Double.NaN
              : Math.max(0, finished - previous.finished) / ((now - previous.atNanos) / 1e9);
      return new Round(endpoints, byState, statuses.size(), finished, now, rate, session.url());
    }

    /** @param keeping how the view is kept up to date, said after its time in the caption */
    Html view(String keeping) {
      String time = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
      HtmlTable endpointTable =
          new HtmlTable(
                  "endpoint",
                  "status",
                  "managers",
                  "workers busy",
                  "workers idle",
                  "queued",
                  "running")
              .caption(
                  endpoints.size()
                      + " endpoint(s) at "
                      + url
                      + ", "
                      + time
                      + (keeping.isEmpty() ? "" : " " + keeping));
      for (EndpointInfo e : endpoints) {
        endpointTable.row(
            e.name(),
            e.problem() == null ? e.status() : e.status() + ": " + e.problem(),
            e.managers(),
            Math.max(0, e.workers() - e.idleWorkers()),
            e.idleWorkers(),
            Math.max(0, e.outstandingTasks() - e.runningAtEndpoint()),
            e.runningAtEndpoint());
      }
      HtmlTable taskTable =
          new HtmlTable("state", "tasks")
              .caption(
                  "this notebook's newest "
                      + tasksCounted
                      + " task(s)"
                      + (Double.isNaN(finishedPerSecond)
                          ? ""
                          : String.format(", finishing at %.1f/s", finishedPerSecond)));
      byState.forEach((state, count) -> taskTable.row(state.wireName(), count));
      Html endpointsHtml = endpointTable.toHtml();
      Html tasksHtml = taskTable.toHtml();
      return new Html(
          endpointsHtml.html() + tasksHtml.html(),
          endpointsHtml.text() + "\n\n" + tasksHtml.text());
    }
  }
}
