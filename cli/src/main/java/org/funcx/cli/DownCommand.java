package org.funcx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stops every endpoint of this home, then the service; leaves no process behind. */
@Command(name = "down", description = "Stop all endpoints and the service.")
final class DownCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    FuncxHome home = FuncxCli.HOME;
    if (new NotebookControl(home).stop()) System.out.println("stopped Jupyter Notebook");
    for (String name : new EndpointControl(home).stopAll()) {
      System.out.println("stopped endpoint " + name);
    }
    System.out.println(
        new ServiceControl(home).stop() ? "stopped the service" : "the service was not running");
    return 0;
  }
}
