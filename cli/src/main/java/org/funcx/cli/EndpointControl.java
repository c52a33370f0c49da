package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.funcx.client.EndpointInfo;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.core.io.PrivateFiles;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.EndpointEnrollment;

/** Configures, starts, lists and stops the endpoints of one funcX home. */
public final class EndpointControl {
  static final String AGENT_CLASS = "org.funcx.endpoint.AgentMain";
  private final FuncxHome home;

  public EndpointControl(FuncxHome home) {
    this.home = home;
  }

  /** Writes a default config unless one exists; returns the config in force. */
  public EndpointConfig configure(String name, String serviceUrl) throws IOException {
    Path file = home.endpointConfig(name);
    if (Files.exists(file)) return EndpointConfig.load(file);
    EndpointConfig config = EndpointConfig.defaults(name, serviceUrl).validated();
    config.save(file);
    PrivateFiles.tighten(home.endpointsDir());
    return config;
  }

  /** Saves the configuration, then makes the endpoints' directories the user's alone. */
  public void save(EndpointConfig config) throws IOException {
    config.validated().save(home.endpointConfig(config.name()));
    PrivateFiles.tighten(home.endpointsDir());
  }

  public EndpointConfig config(String name) throws IOException {
    Path file = home.endpointConfig(name);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "no endpoint named '"
              + name
              + "'; create it with"
              + " 'funcx endpoint configure "
              + name
              + "'");
    }
    return EndpointConfig.load(file);
  }

  public List<String> names() throws IOException {
    if (!Files.isDirectory(home.endpointsDir())) return List.of();
    try (Stream<Path> dirs = Files.list(home.endpointsDir())) {
      return dirs.filter(d -> Files.exists(d.resolve("config.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** The agent's pid now, while it runs (it changes when its supervisor restarts it). */
  public Optional<Long> runningPid(String name) {
    return supervision(name).child().map(ProcessIdentity::pid);
  }

  /** The supervisor of endpoint {@code name}'s agent: files {@code agent.*} in its directory. */
  Supervision supervision(String name) {
    return new Supervision(home.endpointDir(name), "agent");
  }

  /**
   * Registers the endpoint with the service when needed (keeping its id across restarts), starts
   * its agent under a supervisor and waits until the service sees it online. Returns its id.
   */
  public String start(String name, String serviceUrl) throws Exception {
    EndpointConfig config = configure(name, serviceUrl).withServiceUrl(serviceUrl);
    FuncXClient client = home.client(serviceUrl);
    config = EndpointEnrollment.register(client, home.endpointDir(name), config);
    CliTrust.handTo(home, home.endpointDir(name)); // the agent verifies the service as the CLI does
    String id = config.endpointId();
    save(config);
    boolean managersAtStart = config.initBlocks() > 0;
    Supervision supervision = supervision(name);
    String what = "endpoint " + name;
    supervision.adoptOrphan(what + "'s agent");
    if (supervision.supervisor().isPresent()) {
      // running, or between restarts: wait for it rather than start a second agent
      supervision.awaitRestart(what, 120, () -> online(client, id, managersAtStart));
      return id;
    }
    supervision.stop(); // managers a dead agent left in its process group end before a new start
    awaitPreviousAgentGone(client, id, what);
    Path log = home.endpointDir(name).resolve("logs").resolve("agent.log");
    Process supervisor =
        supervision.start(
            new SupervisedChild(
                what + "'s agent",
                AGENT_CLASS,
                List.of(home.endpointDir(name).toString()),
                List.of("-Xmx1g"),
                log.toString()));
    try {
      supervision.awaitFirstStart(what, 90, supervisor, () -> online(client, id, managersAtStart));
    } catch (IllegalStateException | EndpointProblem e) {
      supervision.stop(); // a half-started agent must not go on restarting itself or managers
      throw e;
    }
    return id;
  }

  /** A stopped agent's link is given up after 5 service heartbeats (1 s each by default). */
  private static final java.time.Duration PREVIOUS_AGENT_WAIT = java.time.Duration.ofSeconds(15);

  /**
   * The service keeps an agent that just stopped online for a few heartbeats
   * (Liveness.SERVICE_LINK_BEATS): a start meanwhile would take that link for the new agent's
   * and report it online even if the new agent fails. No agent of this endpoint runs here now,
   * so wait (bounded) until the service lets the old link go.
   */
  private static void awaitPreviousAgentGone(FuncXClient client, String id, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + PREVIOUS_AGENT_WAIT.toNanos();
    try (WaitProgress progress =
        WaitProgress.start("the service to let go of " + what + "'s previous agent")) {
      while (System.nanoTime() < deadline && reportedOnline(client, id)) Thread.sleep(200);
    }
  }

  private static boolean reportedOnline(FuncXClient client, String id) {
    try {
      return client.endpoint(id).online();
    } catch (FuncXException e) {
      return false;
    }
  }

  /**
   * True once the endpoint is online (with a manager when it starts blocks at once); throws
   * {@link EndpointProblem} when it reports that its managers cannot start, rather than waiting.
   */
  private static boolean online(FuncXClient client, String id, boolean withManagers) {
    EndpointInfo e;
    try {
      e = client.endpoint(id);
    } catch (FuncXException ex) {
      return false;
    }
    boolean ready = e.online() && (!withManagers || e.managers() > 0);
    if (!ready && e.problem() != null) throw new EndpointProblem(e.name(), e.problem());
    return ready;
  }

  /** An endpoint that came online but says it cannot work (managers failing at start-up). */
  static final class EndpointProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndpointProblem(String name, String problem) {
      super("endpoint " + name + " cannot start its managers: " + problem);
    }
  }

  /** Stops an endpoint's supervisor, agent and managers; true when it was running. */
  public boolean stop(String name) throws InterruptedException {
    ProcessIdentity.liveOrRemove(
        home.endpointDir(name).resolve("agent.pid")); // an older version's pid file
    return supervision(name).stop();
  }

  public List<String> stopAll() throws IOException, InterruptedException {
    List<String> stopped = new ArrayList<>();
    for (String name : names()) if (stop(name)) stopped.add(name);
    return stopped;
  }
}
