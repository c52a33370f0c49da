package org.funcx.endpoint.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.ProviderEvent;
import org.funcx.endpoint.manager.ManagerExit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks are manager JVMs on this machine. A monitor thread ({@code funcx-local-provider})
 * reports a manager's exit to the interchange at once, faster than missed heartbeats.
 */
public final class LocalProvider implements Provider {
  /** Its thread's name; the agent cannot work without it (CriticalThreads). */
  public static final String MONITOR_THREAD = "funcx-local-provider";

  private static final Logger log = LoggerFactory.getLogger(LocalProvider.class);
  private final EndpointConfig config;
  private final String interchangeAddress;
  private final Path logDir;
  private final Consumer<ProviderEvent> events;
  private final BlockCredentials credentials;

  /** Manager logs kept: the newest ones (a crash loop must not fill the disk). */
  static final int KEPT_LOGS = 20;

  private final Map<String, Process> running = new ConcurrentHashMap<>();
  private final RecentBlocks ended = new RecentBlocks();

  /** Blocks this provider was asked to end, so their exit is "cancelled", not "failed". */
  private final java.util.Set<String> cancelled = ConcurrentHashMap.newKeySet();

  private final AtomicInteger nextBlock = new AtomicInteger();
  private final Thread monitor;
  private volatile boolean open = true;

  public LocalProvider(
      EndpointConfig config,
      String interchangeAddress,
      Path logDir,
      BlockCredentials credentials,
      Consumer<ProviderEvent> events)
      throws IOException {
    this.config = config;
    this.credentials = credentials;
    this.interchangeAddress = interchangeAddress;
    this.logDir = Files.createDirectories(logDir);
    this.events = events;
    this.monitor = new Thread(this::monitor, MONITOR_THREAD);
    monitor.setDaemon(true);
    monitor.start();
  }

  @Override
  public String submitBlock() throws ProviderException {
    int number = nextBlock.getAndIncrement();
    String blockId = "local-" + number;
    Path logFile = ManagerLogs.path(logDir, blockId);
    ManagerLogs.keepLatest(logDir, number - KEPT_LOGS);
    Path secretFile = credentials.issue(blockId);
    try {
      Process p =
          new ProcessBuilder(
                  ManagerCommand.of(
                      config,
                      interchangeAddress,
                      blockId,
                      secretFile,
                      ManagerCommand.sandboxRoot(logDir)))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      running.put(blockId, p);
      log.info("started block {} (manager pid {}), log {}", blockId, p.pid(), logFile);
      return blockId;
    } catch (IOException e) {
      credentials.withdraw(blockId);
      throw new ProviderException("cannot start a manager process: " + e.getMessage(), e);
    }
  }

  @Override
  public void cancelBlock(String blockId) {
    Process p = running.get(blockId);
    if (p == null) return;
    cancelled.add(blockId);
    p.destroy();
  }

  @Override
  public List<BlockStatus> blocks() {
    List<BlockStatus> out = new ArrayList<>();
    running.forEach(
        (id, p) -> out.add(new BlockStatus(id, String.valueOf(p.pid()), "running", false, "", 0)));
    out.addAll(ended.list());
    return out;
  }

  @Override
  public int workersPerBlock() {
    return config.workersPerNode();
  }

  private void monitor() {
    while (open) {
      for (var e : List.copyOf(running.entrySet())) {
        Process p = e.getValue();
        if (p.isAlive()) continue;
        running.remove(e.getKey());
        credentials.withdraw(e.getKey());
        boolean wasCancelled = cancelled.remove(e.getKey());
        int code = p.exitValue();
        String state =
            code == 0 || code == ManagerExit.RESTART.code()
                ? "completed"
                : wasCancelled ? "cancelled" : "failed";
        String reason =
            "manager process "
                + p.pid()
                + " exited with code "
                + code
                + ManagerExit.describe(code).map(m -> " (" + m + ")").orElse("")
                + ("failed".equals(state)
                    ? ManagerLogs.lastError(ManagerLogs.path(logDir, e.getKey()))
                        .map(err -> ": " + err)
                        .orElse("")
                    : "");
        log.warn("block {}: {}", e.getKey(), reason);
        ended.add(
            new BlockStatus(
                e.getKey(),
                String.valueOf(p.pid()),
                state,
                true,
                reason,
                System.currentTimeMillis()));
        events.accept(new ProviderEvent.BlockEnded(e.getKey(), reason));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Pids of the running managers, for status and tests. */
  public List<Long> pids() {
    return running.values().stream().map(Process::pid).toList();
  }

  @Override
  public void close() {
    open = false;
    monitor.interrupt();
    running.values().forEach(Process::destroy);
    for (Process p : running.values()) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    running.keySet().forEach(credentials::withdraw);
    running.clear();
  }
}
