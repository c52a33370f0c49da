package org.funcx.cli;

import java.util.concurrent.Callable;
import org.funcx.client.FuncXClient;
import org.funcx.endpoint.config.EndpointConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code funcx endpoint configure|start|stop|list}. */
@Command(name = "endpoint", description = "Configure, start, stop and list endpoints.",
    subcommands = {EndpointCommand.Configure.class, EndpointCommand.Start.class,
        EndpointCommand.Stop.class, EndpointCommand.ListEndpoints.class})
final class EndpointCommand {

  static String serviceUrl() {
    return new ServiceControl(FuncxCli.HOME).running().map(ServiceControl.ServiceState::url)
        .orElseThrow(() -> new IllegalStateException("the service is not running; start it with"
            + " './funcx up' or './funcx service start'"));
  }

  @Command(name = "configure", description = "Create or update an endpoint's config file.")
  static final class Configure implements Callable<Integer> {
    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--provider", description = "local (slurm: not yet)") String provider;
    @Option(names = "--workers", description = "Workers per manager.") Integer workers;
    @Option(names = "--prefetch", description = "Extra tasks a manager may hold.") Integer prefetch;
    @Option(names = "--blocks", description = "Managers to run (sets init, min and max).") Integer blocks;
    @Option(names = "--max-retries", description = "Retries of tasks lost with a manager.") Integer retries;

    @Override
    public Integer call() throws Exception {
      var control = new EndpointControl(FuncxCli.HOME);
      String url = new ServiceControl(FuncxCli.HOME).state()
          .map(ServiceControl.ServiceState::url).orElse("http://127.0.0.1:8765");
      EndpointConfig c = control.configure(name, url);
      if (workers != null || prefetch != null) {
        c = c.withWorkers(workers != null ? workers : c.workersPerNode(),
            prefetch != null ? prefetch : c.prefetch());
      }
      if (blocks != null) c = c.withBlocks(blocks, blocks, blocks);
      if (retries != null) c = c.withMaxRetries(retries);
      if (provider != null && !provider.equals(c.provider())) {
        throw new IllegalArgumentException("provider '" + provider + "' is not available; use local");
      }
      control.save(c);
      System.out.println("endpoint " + name + ": " + FuncxCli.HOME.endpointConfig(name));
      return 0;
    }
  }

  @Command(name = "start", description = "Start an endpoint in the background.")
  static final class Start implements Callable<Integer> {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
      String id = new EndpointControl(FuncxCli.HOME).start(name, serviceUrl());
      System.out.println("endpoint " + name + " online: " + id);
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop an endpoint and its managers.")
  static final class Stop implements Callable<Integer> {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
      boolean stopped = new EndpointControl(FuncxCli.HOME).stop(name);
      System.out.println("endpoint " + name + (stopped ? " stopped" : " was not running"));
      return 0;
    }
  }

  @Command(name = "list", description = "List configured endpoints and their state.")
  static final class ListEndpoints implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      var control = new EndpointControl(FuncxCli.HOME);
      var service = new ServiceControl(FuncxCli.HOME).running();
      System.out.printf("%-16s  %-36s  %-8s  %-8s  %s%n", "NAME", "ID", "PROCESS", "SERVICE", "CONFIG");
      for (String name : control.names()) {
        EndpointConfig c = control.config(name);
        String seen = "-";
        if (service.isPresent() && c.endpointId() != null) {
          seen = FuncXClient.connect(service.get().url()).endpoint(c.endpointId()).status();
        }
        System.out.printf("%-16s  %-36s  %-8s  %-8s  %s%n", name,
            c.endpointId() == null ? "(not registered)" : c.endpointId(),
            control.runningPid(name).isPresent() ? "running" : "stopped", seen,
            FuncxCli.HOME.endpointConfig(name));
      }
      return 0;
    }
  }
}
