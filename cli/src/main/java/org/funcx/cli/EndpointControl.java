package org.funcx.cli;

import org.funcx.core.io.PrivateFiles;
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
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.EndpointEnrollment;

/** Configures, starts, lists and stops the endpoints of one funcX home. */
public final class EndpointControl {
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
      throw new IllegalArgumentException("no endpoint named '" + name + "'; create it with"
          + " 'funcx endpoint configure " + name + "'");
    }
    return EndpointConfig.load(file);
  }

  public List<String> names() throws IOException {
    if (!Files.isDirectory(home.endpointsDir())) return List.of();
    try (Stream<Path> dirs = Files.list(home.endpointsDir())) {
      return dirs.filter(d -> Files.exists(d.resolve("config.json")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  public Optional<Long> runningPid(String name) {
    return ProcessLauncher.readPid(home.endpointPid(name)).filter(ProcessLauncher::alive);
  }

  /**
   * Registers the endpoint with the service when needed (keeping its id across restarts), starts
   * its agent and waits until the service sees it online. Returns the endpoint's id.
   */
  public String start(String name, String serviceUrl) throws Exception {
    EndpointConfig config = configure(name, serviceUrl).withServiceUrl(serviceUrl);
    FuncXClient client = home.client(serviceUrl);
    config = EndpointEnrollment.register(client, home.endpointDir(name), config);
    String id = config.endpointId();
    save(config);
    if (runningPid(name).isEmpty()) {
      // A dead agent may have left managers in its process group: end them before starting anew.
      Optional<Long> stale = ProcessLauncher.readPid(home.endpointPid(name));
      if (stale.isPresent()) ProcessLauncher.stopGroup(stale.get(), 5);
      Path log = home.endpointDir(name).resolve("logs").resolve("agent.log");
      long pid = ProcessLauncher.startDetached("org.funcx.endpoint.AgentMain",
          List.of(home.endpointDir(name).toString()), List.of("-Xmx1g"), log);
      PrivateFiles.write(home.endpointPid(name), pid + "\n");
      boolean managersAtStart = config.initBlocks() > 0;
      try {
        Waits.until("endpoint " + name + " to come online", 90,
            () -> online(client, id, managersAtStart), () -> ProcessLauncher.alive(pid), log);
      } catch (IllegalStateException | EndpointProblem e) {
        ProcessLauncher.stopGroup(pid, 5); // a half-started agent must not go on restarting managers
        Files.deleteIfExists(home.endpointPid(name));
        throw e;
      }
    }
    return id;
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

  /** Stops an endpoint's agent and managers; true when it was running. */
  public boolean stop(String name) throws InterruptedException {
    Optional<Long> pid = ProcessLauncher.readPid(home.endpointPid(name));
    if (pid.isEmpty()) return false;
    boolean wasRunning = ProcessLauncher.alive(pid.get());
    ProcessLauncher.stopGroup(pid.get(), 15);
    try {
      Files.deleteIfExists(home.endpointPid(name));
    } catch (IOException ignored) {
      // a stale pid file is harmless: the pid is checked for life before use
    }
    return wasRunning;
  }

  public List<String> stopAll() throws IOException, InterruptedException {
    List<String> stopped = new ArrayList<>();
    for (String name : names()) if (stop(name)) stopped.add(name);
    return stopped;
  }
}
