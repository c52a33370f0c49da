package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.funcx.client.FuncXClient;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.jvm.FreePorts;

/**
 * The service and endpoints one {@code ./funcx bench} run measures: real processes on a temporary
 * funcX home with free loopback ports, removed at the end unless asked to keep it (its logs hold
 * the {@code FUNCX_TRACE=1} hop timestamps and any JFR recordings).
 */
final class BenchCluster implements AutoCloseable {
  private final FuncxHome home;
  private final ServiceControl service;
  private final EndpointControl endpoints;
  private final boolean keep;
  private ServiceControl.ServiceState state;

  BenchCluster(boolean keep) throws IOException {
    this.home = new FuncxHome(Files.createTempDirectory("funcx-bench-"));
    this.service = new ServiceControl(home);
    this.endpoints = new EndpointControl(home);
    this.keep = keep;
  }

  void startService() throws Exception {
    state = service.start(FreePorts.pick(), FreePorts.pick());
  }

  FuncXClient client() {
    return home.client(state.url()); // signed in with the credentials the service wrote
  }

  long servicePid() {
    return service
        .servicePid()
        .orElseThrow(() -> new IllegalStateException("the service is not running"));
  }

  /** Starts endpoint {@code name} with {@code workers} workers on one manager; returns its id. */
  String startEndpoint(String name, int workers, Integer prefetch) throws Exception {
    EndpointConfig config = endpoints.configure(name, state.url());
    endpoints.save(config.withWorkers(workers, prefetch != null ? prefetch : config.prefetch()));
    return endpoints.start(name, state.url());
  }

  long endpointPid(String name) {
    return endpoints
        .runningPid(name)
        .orElseThrow(() -> new IllegalStateException("endpoint " + name + " is not running"));
  }

  void stopEndpoint(String name) throws InterruptedException {
    endpoints.stop(name);
  }

  Path root() {
    return home.root();
  }

  @Override
  public void close() throws Exception {
    try {
      endpoints.stopAll();
      service.stop();
    } finally {
      if (keep) {
        System.err.println("funcx bench: kept its state and logs in " + home.root());
      } else {
        try (var files = Files.walk(home.root())) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
