package org.funcx.cli;

import com.google.gson.reflect.TypeToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.funcx.core.json.Json;
import org.funcx.endpoint.provider.BlockStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code funcx endpoint status NAME [--watch]}: the service's view plus the endpoint's blocks;
 * {@code --watch} redraws it in place on a terminal, or prints it again with a time line
 * otherwise, every {@code --interval} seconds.
 */
@Command(name = "status", description = "Show an endpoint's link, workers and blocks (jobs).")
final class EndpointStatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME")
  String name;

  @Option(names = "--watch", description = "Keep showing it, updated (Ctrl-C ends).")
  boolean watch;

  @Option(
      names = "--interval",
      defaultValue = "2",
      paramLabel = "S",
      description = "Seconds between updates with --watch (default ${DEFAULT-VALUE}).")
  double intervalSeconds;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "With --watch, stop after N updates (for scripts).")
  Integer count;

  @Override
  public Integer call() throws Exception {
    if (!watch) {
      System.out.print(render());
      return 0;
    }
    boolean terminal = ProgressDisplay.onTerminal();
    long pause = Math.max(200, (long) (intervalSeconds * 1000));
    int shownLines = 0;
    for (int i = 0; count == null || i < count; i++) {
      if (i > 0) Thread.sleep(pause);
      String text = render();
      if (terminal) {
        // back to the first line drawn last time, clear below, draw again
        if (shownLines > 0) System.out.print("\033[" + shownLines + "F\033[J");
      } else {
        System.out.println("--- " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
      }
      System.out.print(text);
      System.out.flush();
      shownLines = (int) text.lines().count();
    }
    return 0;
  }

  /** The whole status as text, so that a watch can redraw it at once. */
  private String render() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var control = new EndpointControl(FuncxCli.HOME);
    var config = control.config(name);
    out.println(
        "endpoint "
            + name
            + " ("
            + config.provider()
            + "), id "
            + config.endpointId()
            + ", process "
            + control.runningPid(name).map(p -> "running (pid " + p + ")").orElse("stopped")
            + StatusCommand.supervised(control.supervision(name)));
    var service = new ServiceControl(FuncxCli.HOME).running();
    if (service.isPresent() && config.endpointId() != null) {
      var e = FuncxCli.HOME.client(service.get().url()).endpoint(config.endpointId());
      out.printf(
          "service sees it %s: %d managers, %d workers, %d unfinished tasks%n",
          e.status(), e.managers(), e.workers(), e.outstandingTasks());
      if (e.problem() != null) out.println("problem: " + e.problem());
    }
    Path file = FuncxCli.HOME.endpointDir(name).resolve("blocks.json");
    if (!Files.exists(file)) {
      out.println("no blocks reported yet");
      return bytes.toString(StandardCharsets.UTF_8);
    }
    List<BlockStatus> blocks =
        Json.GSON.fromJson(Files.readString(file), new TypeToken<List<BlockStatus>>() {}.getType());
    out.printf("%-24s  %-10s  %-12s  %s%n", "BLOCK", "JOB/PID", "STATE", "DETAIL");
    for (BlockStatus b : blocks) {
      out.printf("%-24s  %-10s  %-12s  %s%n", b.blockId(), b.resourceId(), b.state(), b.detail());
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
