package org.funcx.endpoint.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.funcx.core.json.Json;
import org.funcx.core.wire.Messages.BlockReport;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.BlockCounts;
import org.funcx.endpoint.interchange.LoadSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how many blocks run ({@code funcx-block-scaler}, once a second, by the rules of {@link
 * ScalingStep}): at least {@code minBlocks}; one more while tasks wait and the blocks already asked
 * for cannot take them, up to {@code maxBlocks}; one fewer when a block has been idle for
 * {@code idleTimeout} and nothing waits. Writes the blocks' states to {@code blocks.json} for {@code funcx endpoint status}.
 *
 * <p>Blocks whose managers die before they ever connect (a bad JVM option, a broken worker
 * environment) are start failures ({@link StartFailures}): new blocks then wait a growing
 * back-off, and {@link #problem()} says why for the service and the CLI.
 */
public final class BlockScaler implements AutoCloseable {
  /** Its thread's name; the agent cannot work without it (CriticalThreads). */
  public static final String THREAD = "funcx-block-scaler";

  private static final Logger log = LoggerFactory.getLogger(BlockScaler.class);
  private final EndpointConfig config;
  private final Provider provider;
  private final Supplier<LoadSnapshot> load;
  private final Path statusFile;
  private final Thread thread;
  private volatile boolean open = true;
  private long backoffUntil;
  private final StartFailures startFailures = new StartFailures();

  /** Blocks not ended and those of them pending, as of the last step; for the heartbeat. */
  private volatile BlockCounts counts = BlockCounts.NONE;

  public BlockScaler(
      EndpointConfig config, Provider provider, Supplier<LoadSnapshot> load, Path statusFile) {
    this.config = config;
    this.provider = provider;
    this.load = load;
    this.statusFile = statusFile;
    this.thread = new Thread(this::run, THREAD);
    thread.setDaemon(true);
  }

  public void start() {
    for (int i = 0; i < config.initBlocks(); i++) submit("initial block");
    thread.start();
  }

  private void run() {
    while (open) {
      try {
        LoadSnapshot now = load.get();
        List<BlockStatus> blocks = provider.blocks();
        startFailures.observe(
            blocks, now.blockLastBusyMillis().keySet(), System.currentTimeMillis());
        List<BlockStatus> active = blocks.stream().filter(b -> !b.ended()).toList();
        counts =
            new BlockCounts(
                active.size(),
                (int) active.stream().filter(b -> "pending".equalsIgnoreCase(b.state())).count(),
                active.stream().map(BlockScaler::report).toList());
        step(now, active);
        writeStatus();
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("scaling step failed; will retry", e);
      }
    }
  }

  /** What the service shows of a block. */
  private static BlockReport report(BlockStatus block) {
    return new BlockReport(
            block.blockId(), block.resourceId(), block.state(), block.detail(), block.sinceMillis())
        .bounded();
  }

  private void step(LoadSnapshot now, List<BlockStatus> active) {
    ScalingStep rules =
        new ScalingStep(
            config.minBlocks(),
            config.maxBlocks(),
            Math.round(config.idleTimeoutSeconds() * 1000),
            provider.workersPerBlock());
    ScalingStep.Action action =
        rules.decide(
            now, active, System.currentTimeMillis(), startFailures.retryAtMillis(), backoffUntil);
    if (action instanceof ScalingStep.Submit submit) {
      submit(submit.why());
    } else if (action instanceof ScalingStep.Cancel cancel) {
      log.info(
          "block {} idle for {} s; cancelling it", cancel.blockId(), config.idleTimeoutSeconds());
      provider.cancelBlock(cancel.blockId());
    }
  }

  private void submit(String why) {
    try {
      String block = provider.submitBlock();
      log.info("scaling out: block {} submitted ({})", block, why);
    } catch (ProviderException e) {
      backoffUntil = System.currentTimeMillis() + 10_000;
      log.error("could not submit a block ({}): {}; retrying in 10 s", why, e.getMessage());
    }
  }

  /** The blocks as of the last scaling step (about once a second); any thread. */
  public BlockCounts blockCounts() {
    return counts;
  }

  /** Why blocks cannot start, with the last one's error; null while blocks start fine. */
  public String problem() {
    return startFailures.problem(System.currentTimeMillis());
  }

  private void writeStatus() {
    try {
      Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
      Files.writeString(tmp, Json.GSON.toJson(provider.blocks()));
      Files.move(
          tmp,
          statusFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.debug("cannot write {}: {}", statusFile, e.getMessage());
    }
  }

  @Override
  public void close() {
    open = false;
    thread.interrupt();
  }
}
