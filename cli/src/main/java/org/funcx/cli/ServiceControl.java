package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.funcx.client.auth.TokenStore;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;
import org.funcx.service.ServiceConfig;
import org.funcx.service.auth.ServiceAuth;
import org.funcx.service.tls.TlsSettings;

/**
 * Starts, finds and stops the service process of one funcX home. The service runs under a
 * {@link Supervisor} (files {@code service.*} in the home) that restarts it when it dies; the CLI
 * talks to it only after it proved it is this home's service ({@link ServiceTrust}).
 */
public final class ServiceControl {
  static final String MAIN_CLASS = "org.funcx.service.ServiceMain";

  /**
   * What {@code service.json} records about the running (or last) service: its ports, and
   * whether it serves HTTPS with its self-signed certificate (files written before: false).
   */
  public record ServiceState(int httpPort, int forwarderPort, boolean https) {
    public String url() {
      return (https ? "https" : "http") + "://127.0.0.1:" + httpPort;
    }
  }

  private final FuncxHome home;
  private final Supervision supervision;
  private final List<String> jvmOptions;
  private final List<String> serviceArgs;

  /** The service of {@code home}, with {@code FUNCX_SERVICE_JAVA_OPTS} added to its JVM's options. */
  public ServiceControl(FuncxHome home) {
    this(home, ProcessLauncher.splitOptions(System.getenv("FUNCX_SERVICE_JAVA_OPTS")));
  }

  /** As above with {@code extraJvmOptions} (e.g. a smaller heap) after the default -Xmx2g. */
  public ServiceControl(FuncxHome home, List<String> extraJvmOptions) {
    this(home, extraJvmOptions, List.of());
  }

  /**
   * As above with {@code serviceArgs} added to ServiceMain's options (e.g. --maven-offline);
   * with {@code --tls-self-signed} the service serves HTTPS, which this home's clients pin.
   */
  public ServiceControl(FuncxHome home, List<String> extraJvmOptions, List<String> serviceArgs) {
    this.home = home;
    this.serviceArgs = List.copyOf(serviceArgs);
    this.supervision = new Supervision(home.root(), "service");
    this.jvmOptions = new ArrayList<>(List.of("-Xmx2g"));
    this.jvmOptions.addAll(extraJvmOptions);
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

  /**
   * The running service's state, when this home's service answers on its port; throws
   * {@link ServiceTrust.UntrustedService} when something else answers there.
   */
  public Optional<ServiceState> running() {
    return state().filter(s -> ServiceTrust.ownServiceAnswers(home, s));
  }

  /** The service JVM's pid now (it changes when the supervisor restarts it). */
  public Optional<Long> servicePid() {
    return supervision.child().map(ProcessIdentity::pid);
  }

  /** The service's supervisor, and what it says about restarts. */
  Supervision supervision() {
    return supervision;
  }

  /**
   * Starts the service unless it runs. Ports: the given ones, else those it used last time (so
   * endpoints find it again after a restart), else the defaults. HTTPS likewise: asked for, or
   * as last time.
   */
  public ServiceState start(Integer httpPort, Integer forwarderPort) throws Exception {
    return start(httpPort, forwarderPort, null);
  }

  /** As above; {@code advertisedForwarder} is the address endpoints are told to connect to. */
  public ServiceState start(Integer httpPort, Integer forwarderPort, String advertisedForwarder)
      throws Exception {
    Optional<ServiceState> last = state();
    int http =
        httpPort != null
            ? httpPort
            : last.map(ServiceState::httpPort).orElse(ServiceConfig.DEFAULT_HTTP_PORT);
    int forwarder =
        forwarderPort != null
            ? forwarderPort
            : last.map(ServiceState::forwarderPort).orElse(ServiceConfig.DEFAULT_FORWARDER_PORT);
    // HTTPS, once asked for, stays like the ports: endpoints and kernels keep their URL
    boolean https =
        serviceArgs.contains(TlsSettings.SELF_SIGNED_OPTION)
            || last.map(ServiceState::https).orElse(false);
    ServiceState state = new ServiceState(http, forwarder, https);
    supervision.adoptOrphan("the service");
    // throws before anything starts when a stranger holds the port
    boolean answering = ServiceTrust.ownServiceAnswers(home, state);
    if (answering && last.isPresent() && last.get().equals(state)) return state;
    if (supervision.supervisor().isPresent() && last.isPresent() && last.get().equals(state)) {
      // supervised and between restarts: wait for it rather than start a second one
      supervision.awaitRestart(
          "the service at " + state.url(), 120, () -> ServiceTrust.ownServiceAnswers(home, state));
      adoptLocalClient(state.url());
      return state;
    }
    if (answering || supervision.supervisor().isPresent() || supervision.child().isPresent()) {
      throw new IllegalStateException(
          "this home's service already runs with other ports ("
              + last.map(ServiceState::url).orElse("unknown")
              + "); stop it first");
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                home.serviceData().toString(),
                "--port",
                String.valueOf(http),
                "--forwarder-port",
                String.valueOf(forwarder)));
    passEnvironment(args, "FUNCX_TASK_TTL_SECONDS", "--task-ttl-seconds");
    passEnvironment(args, "FUNCX_MAX_QUEUED_TASKS_PER_USER", "--max-queued-tasks-per-user");
    passEnvironment(args, "FUNCX_MAX_QUEUED_TASKS_PER_ENDPOINT", "--max-queued-tasks-per-endpoint");
    // where registration resolves functions' //DEPS: Central and ~/.m2 unless these say otherwise
    org.funcx.deps.RepositorySettings.environmentOptions(System.getenv())
        .forEach((option, value) -> args.addAll(List.of(option, value)));
    args.addAll(serviceArgs);
    if (https && !serviceArgs.contains(TlsSettings.SELF_SIGNED_OPTION)) {
      args.add(TlsSettings.SELF_SIGNED_OPTION);
    }
    if (advertisedForwarder != null)
      args.addAll(List.of("--advertise-forwarder", advertisedForwarder));
    PrivateFiles.createDirectories(home.root());
    PrivateFiles.write(home.serviceState(), Json.GSON.toJson(state));
    Process supervisor =
        supervision.start(
            new SupervisedChild(
                "the service",
                MAIN_CLASS,
                args,
                jvmOptions,
                home.logs().resolve("service.log").toString()));
    try {
      supervision.awaitFirstStart(
          "the service at " + state.url(),
          60,
          supervisor,
          () -> ServiceTrust.ownServiceAnswers(home, state));
    } catch (RuntimeException e) {
      supervision.stop(); // a service that cannot start is not left restarting
      throw e;
    }
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

  /** Stops the service and its supervisor (nothing restarts it); true when one was running. */
  public boolean stop() throws InterruptedException {
    return supervision.stop();
  }
}
