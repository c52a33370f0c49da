package org.funcx.cli;

import com.google.gson.reflect.TypeToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.funcx.core.json.Json;
import org.funcx.endpoint.provider.BlockStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code funcx endpoint status NAME}: the service's view plus the endpoint's blocks. */
@Command(name = "status", description = "Show an endpoint's link, workers and blocks (jobs).")
final class EndpointStatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME") String name;

  @Override
  public Integer call() throws Exception {
    var control = new EndpointControl(FuncxCli.HOME);
    var config = control.config(name);
    System.out.println("endpoint " + name + " (" + config.provider() + "), id "
        + config.endpointId() + ", process " + control.runningPid(name).map(p -> "running (pid "
        + p + ")").orElse("stopped") + StatusCommand.supervised(control.supervision(name)));
    var service = new ServiceControl(FuncxCli.HOME).running();
    if (service.isPresent() && config.endpointId() != null) {
      var e = FuncxCli.HOME.client(service.get().url()).endpoint(config.endpointId());
      System.out.printf("service sees it %s: %d managers, %d workers, %d unfinished tasks%n",
          e.status(), e.managers(), e.workers(), e.outstandingTasks());
      if (e.problem() != null) System.out.println("problem: " + e.problem());
    }
    Path file = FuncxCli.HOME.endpointDir(name).resolve("blocks.json");
    if (!Files.exists(file)) {
      System.out.println("no blocks reported yet");
      return 0;
    }
    List<BlockStatus> blocks = Json.GSON.fromJson(Files.readString(file),
        new TypeToken<List<BlockStatus>>() {}.getType());
    System.out.printf("%-24s  %-10s  %-12s  %s%n", "BLOCK", "JOB/PID", "STATE", "DETAIL");
    for (BlockStatus b : blocks) {
      System.out.printf("%-24s  %-10s  %-12s  %s%n", b.blockId(), b.resourceId(), b.state(),
          b.detail());
    }
    return 0;
  }
}
