package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.funcx.client.FuncXClient;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.jvm.FreePorts;

/**
 * A real service and real endpoints as separate processes, on loopback ephemeral ports, in a
 * throw-away funcX home. Closing stops everything and checks that no process is left behind.
 */
final class TestCluster implements AutoCloseable {
  final FuncxHome home;
  final ServiceControl service;
  final EndpointControl endpoints;
  final List<Long> processGroups = new ArrayList<>();
  private final int httpPort;
  private final int forwarderPort;
  private final String advertisedForwarder;
  String url;

  TestCluster() throws Exception {
    this(FreePorts.pick(), null);
  }

  /** A cluster whose endpoints reach the forwarder (on {@code forwarderPort}) at another address. */
  TestCluster(int forwarderPort, String advertisedForwarder) throws Exception {
    this(
        new FuncxHome(Files.createTempDirectory("funcx-test-")),
        forwarderPort,
        advertisedForwarder);
  }

  /** A cluster in a prepared home (e.g. with its service directory on a small file system). */
  TestCluster(FuncxHome home, int forwarderPort, String advertisedForwarder) throws Exception {
    this(home, forwarderPort, advertisedForwarder, List.of());
  }

  /** A cluster whose service JVM gets {@code serviceJvmOptions} too (e.g. a small heap). */
  TestCluster(List<String> serviceJvmOptions) throws Exception {
    this(
        new FuncxHome(Files.createTempDirectory("funcx-test-")),
        FreePorts.pick(),
        null,
        serviceJvmOptions);
  }

  /** A cluster whose service gets {@code serviceArgs} too (e.g. its Maven repositories). */
  static TestCluster withServiceArgs(List<String> serviceArgs) throws Exception {
    return new TestCluster(
        new FuncxHome(Files.createTempDirectory("funcx-test-")),
        FreePorts.pick(),
        null,
        List.of(),
        serviceArgs);
  }

  private TestCluster(
      FuncxHome home, int forwarderPort, String advertisedForwarder, List<String> serviceJvmOptions)
      throws Exception {
    this(home, forwarderPort, advertisedForwarder, serviceJvmOptions, List.of());
  }

  private TestCluster(
      FuncxHome home,
      int forwarderPort,
      String advertisedForwarder,
      List<String> serviceJvmOptions,
      List<String> serviceArgs)
      throws Exception {
    this.home = home;
    service = new ServiceControl(home, serviceJvmOptions, serviceArgs);
    endpoints = new EndpointControl(home);
    httpPort = FreePorts.pick();
    this.forwarderPort = forwarderPort;
    this.advertisedForwarder = advertisedForwarder;
    startService();
  }

  void startService() throws Exception {
    var state = service.start(httpPort, forwarderPort, advertisedForwarder);
    url = state.url();
    track(service.supervision());
  }

  /** The service JVM now (its supervisor restarts it with another pid). */
  long servicePid() {
    return service.servicePid().orElseThrow();
  }

  /** Remembers a supervisor and its child, to check at the end that none of them is left. */
  private void track(Supervision supervision) {
    supervision.supervisor().ifPresent(s -> processGroups.add(s.pid()));
    supervision.child().ifPresent(c -> processGroups.add(c.pid()));
  }

  /**
   * What a client process (a notebook's kernel, the CLI) needs in its environment to reach this
   * cluster the way a user's does: the service URL and the funcX home with its state.
   */
  java.util.Map<String, String> clientEnv() {
    return java.util.Map.of("FUNCX_URL", url, "FUNCX_HOME", home.root().toString());
  }

  FuncXClient client() {
    return home.client(url);
  }

  /** Configures (with {@code tune} applied to the defaults) and starts an endpoint. */
  String startEndpoint(String name, UnaryOperator<EndpointConfig> tune) throws Exception {
    EndpointConfig config = endpoints.configure(name, url);
    endpoints.save(tune.apply(config));
    String id = endpoints.start(name, url);
    track(endpoints.supervision(name));
    return id;
  }

  long agentPid(String name) {
    return endpoints.runningPid(name).orElseThrow();
  }

  /** Pids of the manager JVMs: the agent's only child processes. */
  List<Long> managerPids(String name) {
    return ProcessHandle.of(agentPid(name))
        .orElseThrow()
        .children()
        .map(ProcessHandle::pid)
        .toList();
  }

  static void kill9(long pid) throws Exception {
    new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
    while (ProcessLauncher.alive(pid)) Thread.sleep(20);
  }

  @Override
  public void close() throws Exception {
    track(service.supervision()); // restarted processes too
    for (String name : endpoints.names()) track(endpoints.supervision(name));
    endpoints.stopAll();
    service.stop();
    for (long group : processGroups) {
      assertThat(ProcessLauncher.groupAlive(group))
          .as("processes of group %d left behind", group)
          .isFalse();
    }
    if (Boolean.getBoolean("funcx.test.keep")) { // -Dfuncx.test.keep=true: logs for a post-mortem
      System.out.println("kept the test cluster's home: " + home.root());
      return;
    }
    try (Stream<Path> files = Files.walk(home.root())) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
