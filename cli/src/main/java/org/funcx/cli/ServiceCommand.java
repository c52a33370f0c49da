package org.funcx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The service alone: start in the background, stop. */
@Command(name = "service", description = "Start or stop the service alone.",
    subcommands = {ServiceCommand.Start.class, ServiceCommand.Stop.class})
final class ServiceCommand {
  @Command(name = "start", description = "Start the service in the background.")
  static final class Start implements Callable<Integer> {
    @Option(names = "--port") Integer port;
    @Option(names = "--forwarder-port") Integer forwarderPort;
    @Mixin StoreOptions store;

    @Override
    public Integer call() throws Exception {
      var control = new ServiceControl(FuncxCli.HOME,
          ProcessLauncher.splitOptions(System.getenv("FUNCX_SERVICE_JAVA_OPTS")),
          store.serviceArgs());
      var s = control.start(port, forwarderPort);
      System.out.println("service: " + s.url() + " (pid "
          + control.servicePid().map(String::valueOf).orElse("?") + ", supervised)");
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop the service.")
  static final class Stop implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      System.out.println(new ServiceControl(FuncxCli.HOME).stop() ? "stopped" : "not running");
      return 0;
    }
  }
}
