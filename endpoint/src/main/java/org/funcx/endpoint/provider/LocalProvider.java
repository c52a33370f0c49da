package org.funcx.endpoint.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.ProviderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs managers as child JVMs on this machine. A monitor thread ({@code funcx-local-provider})
 * reports exits to the interchange at once (faster than missed heartbeats) and keeps
 * {@code minBlocks} managers alive.
 */
public final class LocalProvider implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalProvider.class);
  private final EndpointConfig config;
  private final String interchangeAddress;
  private final Path logDir;
  private final Consumer<ProviderEvent> events;
  private final Map<String, Process> managers = new ConcurrentHashMap<>();
  private final Thread monitor;
  private volatile boolean open = true;
  private int nextBlock;

  public LocalProvider(EndpointConfig config, String interchangeAddress, Path logDir,
      Consumer<ProviderEvent> events) {
    this.config = config;
    this.interchangeAddress = interchangeAddress;
    this.logDir = logDir;
    this.events = events;
    this.monitor = new Thread(this::monitor, "funcx-local-provider");
    monitor.setDaemon(true);
  }

  public void start() throws IOException {
    Files.createDirectories(logDir);
    for (int i = 0; i < Math.max(config.initBlocks(), config.minBlocks()); i++) launch();
    monitor.start();
  }

  private synchronized void launch() throws IOException {
    String managerId = UUID.randomUUID().toString();
    String block = String.valueOf(nextBlock++);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String extra = System.getenv().getOrDefault("FUNCX_JAVA_OPTS", "");
    for (String opt : (config.workerJvmOptions() + " " + extra).trim().split("\\s+")) {
      if (!opt.isEmpty()) command.add(opt);
    }
    command.addAll(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        "org.funcx.endpoint.manager.ManagerMain",
        "--interchange", interchangeAddress, "--manager-id", managerId, "--block-id", block,
        "--workers", String.valueOf(config.workersPerNode()),
        "--prefetch", String.valueOf(config.prefetch()),
        "--heartbeat-ms", String.valueOf(config.heartbeatMillis()),
        "--max-result-bytes", String.valueOf(config.maxResultBytes())));
    Path logFile = logDir.resolve("manager-" + block + ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    managers.put(managerId, p);
    log.info("started manager {} (block {}, pid {}), log {}", managerId, block, p.pid(), logFile);
  }

  private void monitor() {
    while (open) {
      for (var e : List.copyOf(managers.entrySet())) {
        if (e.getValue().isAlive()) continue;
        managers.remove(e.getKey());
        int code = e.getValue().exitValue();
        log.warn("manager {} (pid {}) exited with code {}", e.getKey(), e.getValue().pid(), code);
        events.accept(new ProviderEvent.ManagerExited(e.getKey(), code));
      }
      try {
        while (open && managers.size() < config.minBlocks()) launch();
        Thread.sleep(200);
      } catch (IOException e) {
        log.error("cannot start a manager; will retry", e);
        sleepQuietly(2_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int running() {
    return managers.size();
  }

  /** Pids of the running managers, for status and tests. */
  public List<Long> pids() {
    return managers.values().stream().map(Process::pid).toList();
  }

  @Override
  public void close() {
    open = false;
    monitor.interrupt();
    managers.values().forEach(Process::destroy);
    for (Process p : managers.values()) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    managers.clear();
  }
}
