package org.funcx.cli;

import org.funcx.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.core.json.Json;
import org.funcx.client.auth.Credentials;
import org.funcx.client.auth.TokenStore;
import org.funcx.service.ServiceConfig;
import org.funcx.service.auth.ServiceAuth;

/** Starts, finds and stops the service process of one funcX home. */
public final class ServiceControl {
  /** What {@code service.json} records about the running (or last) service. */
  public record ServiceState(long pid, int httpPort, int forwarderPort) {
    public String url() {
      return "http://127.0.0.1:" + httpPort;
    }
  }

  private final FuncxHome home;

  public ServiceControl(FuncxHome home) {
    this.home = home;
  }

  public Optional<ServiceState> state() {
    try {
      if (!Files.exists(home.serviceState())) return Optional.empty();
      return Optional.ofNullable(
          Json.GSON.fromJson(Files.readString(home.serviceState()), ServiceState.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The running service's state, when its process is alive and it answers. */
  public Optional<ServiceState> running() {
    return state().filter(s -> ProcessLauncher.alive(s.pid()) && answers(s.url()));
  }

  /**
   * Starts the service unless it runs. Ports: the given ones, else those it used last time (so
   * endpoints find it again after a restart), else the defaults.
   */
  public ServiceState start(Integer httpPort, Integer forwarderPort) throws Exception {
    return start(httpPort, forwarderPort, null);
  }

  /** As above; {@code advertisedForwarder} is the address endpoints are told to connect to. */
  public ServiceState start(Integer httpPort, Integer forwarderPort, String advertisedForwarder)
      throws Exception {
    Optional<ServiceState> current = running();
    if (current.isPresent()) return current.get();
    Optional<ServiceState> last = state();
    int http = httpPort != null ? httpPort
        : last.map(ServiceState::httpPort).orElse(ServiceConfig.DEFAULT_HTTP_PORT);
    int forwarder = forwarderPort != null ? forwarderPort
        : last.map(ServiceState::forwarderPort).orElse(ServiceConfig.DEFAULT_FORWARDER_PORT);
    List<String> args = new ArrayList<>(List.of("--data", home.serviceData().toString(),
        "--port", String.valueOf(http), "--forwarder-port", String.valueOf(forwarder)));
    passEnvironment(args, "FUNCX_TASK_TTL_SECONDS", "--task-ttl-seconds");
    passEnvironment(args, "FUNCX_MAX_QUEUED_TASKS_PER_USER", "--max-queued-tasks-per-user");
    passEnvironment(args, "FUNCX_MAX_QUEUED_TASKS_PER_ENDPOINT", "--max-queued-tasks-per-endpoint");
    if (advertisedForwarder != null) args.addAll(List.of("--advertise-forwarder", advertisedForwarder));
    long pid = ProcessLauncher.startDetached("org.funcx.service.ServiceMain", args,
        List.of("-Xmx2g"), home.logs().resolve("service.log"));
    ServiceState state = new ServiceState(pid, http, forwarder);
    PrivateFiles.createDirectories(home.root());
    PrivateFiles.write(home.serviceState(), Json.GSON.toJson(state));
    Waits.until("the service at " + state.url() + " to answer", 60,
        () -> answers(state.url()), () -> ProcessLauncher.alive(pid),
        home.logs().resolve("service.log"));
    adoptLocalClient(state.url());
    return state;
  }

  /** Adds {@code option VALUE} when the environment variable is set. */
  private static void passEnvironment(List<String> args, String variable, String option) {
    String value = System.getenv(variable);
    if (value != null) args.addAll(List.of(option, value));
  }

  /**
   * Signs this home in as the service's administrator: the service wrote the local CLI client's
   * credentials (0600) into its data directory at first start; this home's CLI, kernel and SDK
   * find them in {@code clients.json}. A home whose service lives elsewhere logs in instead.
   */
  private void adoptLocalClient(String url) throws IOException {
    java.nio.file.Path file = home.serviceData().resolve(ServiceAuth.LOCAL_CLIENT_FILE);
    if (!Files.exists(file)) return;
    home.tokens().saveClient(url, TokenStore.ClientSecret.read(file));
  }

  /** Stops the service; true when one was running. */
  public boolean stop() throws InterruptedException {
    Optional<ServiceState> s = state();
    if (s.isEmpty() || !ProcessLauncher.alive(s.get().pid())) return false;
    ProcessLauncher.stopGroup(s.get().pid(), 15);
    return true;
  }

  static boolean answers(String url) {
    try {
      FuncXClient.connect(url, Credentials.token(null)).version();
      return true;
    } catch (FuncXException e) {
      return false;
    }
  }
}
