package org.funcx.magics;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.auth.Credentials;
import org.funcx.client.auth.TokenStore;
import org.funcx.deps.FileRepository;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.EndpointEnrollment;
import org.funcx.endpoint.config.LibrarySettings;
import org.funcx.jvm.FreePorts;
import org.funcx.service.auth.ServiceAuth;

/**
 * A real funcX service and one real endpoint ({@code local}; {@link #startEndpoint} adds more) as
 * child processes of the test JVM, on ephemeral loopback ports, with state in {@code dir}. The
 * same pattern as cli's TestCluster, whose classes this module cannot depend on. Closing stops
 * them all (and the endpoints' managers). The service and every endpoint resolve functions'
 * libraries offline from {@link #repository()}, a file repository with the real Commons Lang
 * 3.12.0 and Commons Math 3.6.1, so results do not depend on the network.
 */
final class LocalCluster implements AutoCloseable {
  static final String ENDPOINT_NAME = "local";
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();
  private final Process service;
  final String url;
  final String endpointId;
  private final Path repository;

  LocalCluster(Path dir) throws Exception {
    this.dir = dir;
    repository =
        new FileRepository(dir.resolve("maven-repository"))
            .copy("org.apache.commons:commons-lang3:3.12.0")
            .copy("org.apache.commons:commons-math3:3.6.1")
            .root();
    int http = FreePorts.pick();
    url = "http://127.0.0.1:" + http;
    service =
        start(
            "service",
            "org.funcx.service.ServiceMain",
            "--data",
            dir.resolve("service").toString(),
            "--port",
            String.valueOf(http),
            "--forwarder-port",
            String.valueOf(FreePorts.pick()),
            "--maven-offline",
            "true",
            "--maven-local-repository",
            repository.toString());
    FuncXClient anonymous = FuncXClient.connect(url, Credentials.token(null));
    waitFor("the service at " + url, service, () -> answers(anonymous));
    // Sign in as the local administrator, the way ./funcx up does: the kernel finds the
    // credentials through FUNCX_HOME (this directory).
    new TokenStore(dir)
        .saveClient(
            url,
            TokenStore.ClientSecret.read(
                dir.resolve("service").resolve(ServiceAuth.LOCAL_CLIENT_FILE)));
    endpointId = startEndpoint(ENDPOINT_NAME, 2);
  }

  /** Registers and starts one more endpoint agent; returns its id once it has a manager. */
  String startEndpoint(String name, int workers) throws Exception {
    FuncXClient client = FuncXClient.connect(url, new TokenStore(dir));
    Path endpointDir = dir.resolve("endpoints").resolve(name);
    EndpointConfig config =
        EndpointEnrollment.register(
            client,
            endpointDir,
            EndpointConfig.defaults(name, url)
                .withWorkers(workers, 16)
                .withLibraries(new LibrarySettings(null, true, repository.toString(), List.of(), 0))
                .validated());
    config.save(endpointDir.resolve("config.json"));
    Process agent =
        start("endpoint-" + name, "org.funcx.endpoint.AgentMain", endpointDir.toString());
    waitFor("endpoint " + name, agent, () -> online(client, config.endpointId()));
    return config.endpointId();
  }

  /** The Maven repository the service and every endpoint resolve from (offline). */
  Path repository() {
    return repository;
  }

  /** The funcX home of this cluster: where the kernel finds the administrator's credentials. */
  Path home() {
    return dir;
  }

  long servicePid() {
    return service.pid();
  }

  private Process start(String name, String mainClass, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(org.funcx.jvm.JvmFlags.PRODUCT);
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    processes.add(process);
    logs.put(process, log);
    return process;
  }

  private void waitFor(String what, Process process, BooleanSupplier ready) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            what
                + " did not come up; logs in "
                + dir
                + ":\n"
                + Files.readString(logs.get(process)));
      }
      Thread.sleep(200);
    }
  }

  private static boolean answers(FuncXClient client) {
    try {
      client.version();
      return true;
    } catch (FuncXException e) {
      return false;
    }
  }

  private static boolean online(FuncXClient client, String endpointId) {
    try {
      var e = client.endpoint(endpointId);
      return e.online() && e.managers() > 0;
    } catch (FuncXException e) {
      return false;
    }
  }

  /** Stops the endpoint (with its managers) first, then the service: TERM, then KILL. */
  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
