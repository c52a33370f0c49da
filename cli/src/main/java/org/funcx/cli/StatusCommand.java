package org.funcx.cli;

import java.util.concurrent.Callable;
import org.funcx.client.EndpointInfo;
import picocli.CommandLine.Command;

/** Shows the service, its endpoints with their workers and tasks, and local processes. */
@Command(name = "status", description = "Show service, endpoints, workers and tasks.")
final class StatusCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    FuncxHome home = FuncxCli.HOME;
    var control = new ServiceControl(home);
    var service = control.running();
    if (service.isEmpty()) {
      System.out.println(
          "service: not running (state in "
              + home.root()
              + ")"
              + supervised(control.supervision()));
      return 3;
    }
    System.out.println(
        "service: "
            + service.get().url()
            + " (pid "
            + control.servicePid().map(String::valueOf).orElse("-")
            + ")"
            + supervised(control.supervision()));
    var endpoints = new EndpointControl(home);
    System.out.printf(
        "%-36s  %-12s  %-7s  %8s  %7s  %6s  %7s  %s%n",
        "ENDPOINT", "NAME", "STATUS", "MANAGERS", "WORKERS", "QUEUED", "RUNNING", "LOCAL PID");
    for (EndpointInfo e : FuncxCli.HOME.client(service.get().url()).endpoints()) {
      String pid = endpoints.runningPid(e.name()).map(String::valueOf).orElse("-");
      System.out.printf(
          "%-36s  %-12s  %-7s  %8d  %7d  %6d  %7d  %s%n",
          e.id(),
          e.name(),
          e.status(),
          e.managers(),
          e.workers(),
          Math.max(0, e.outstandingTasks() - e.runningAtEndpoint()),
          e.runningAtEndpoint(),
          pid);
      if (e.problem() != null) System.out.println("  problem: " + e.problem());
      String agent = supervised(endpoints.supervision(e.name()));
      if (!agent.isEmpty()) System.out.println("  agent" + agent);
    }
    return 0;
  }

  /** "; supervised: restarts N; last exit: …" while a supervisor runs, else what it left. */
  static String supervised(Supervision supervision) {
    var status = supervision.status();
    if (status.isEmpty()) return "";
    String who = supervision.supervisor().isPresent() ? "supervised" : "not supervised";
    return "; " + who + ", " + status.get().describe();
  }
}
