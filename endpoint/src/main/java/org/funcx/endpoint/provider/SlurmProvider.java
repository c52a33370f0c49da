package org.funcx.endpoint.provider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.SlurmSettings;
import org.funcx.endpoint.interchange.ProviderEvent;
import org.funcx.slurm.JobRequest;
import org.funcx.slurm.SlurmJob;
import org.funcx.slurm.SlurmJobState;
import org.funcx.slurm.SlurmRestClient;
import org.funcx.slurm.SlurmRestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks are Slurm batch jobs submitted through slurmrestd; each job runs one manager that
 * connects back to the interchange. A poller ({@code funcx-slurm-poll}) follows the jobs' states
 * and reports a job that ends (walltime, scancel, node failure) so its tasks are retried at once,
 * naming the job id and state. REST failures are logged and retried; blocks already running keep
 * serving. Each job's manager reads its block's secret from a 0600 file in the endpoint's
 * directory, which the nodes share ({@link BlockCredentials} says why not the job's environment).
 */
public final class SlurmProvider implements Provider {
  /** Its thread's name; the agent cannot work without it (CriticalThreads). */
  public static final String POLL_THREAD = "funcx-slurm-poll";

  private static final Logger log = LoggerFactory.getLogger(SlurmProvider.class);
  private final EndpointConfig config;
  private final SlurmSettings slurm;
  private final String interchangeAddress;
  private final Path logDir;
  private final Consumer<ProviderEvent> events;
  private final BlockCredentials credentials;
  private final SlurmRestClient client;
  private final Map<String, BlockStatus> active = new ConcurrentHashMap<>();
  private final RecentBlocks ended = new RecentBlocks();
  private final AtomicInteger nextBlock = new AtomicInteger();
  private final Thread poller;
  private volatile boolean open = true;

  public SlurmProvider(
      EndpointConfig config,
      String interchangeAddress,
      Path logDir,
      BlockCredentials credentials,
      Consumer<ProviderEvent> events) {
    this.config = config;
    this.credentials = credentials;
    this.slurm = config.slurm();
    this.interchangeAddress = interchangeAddress;
    this.logDir = logDir;
    this.events = events;
    this.client =
        new SlurmRestClient(
            URI.create(slurm.url()),
            slurm.user(),
            SlurmRestClient.tokenFromFile(Path.of(slurm.tokenFile())),
            Duration.ofSeconds(20));
    this.poller = new Thread(this::poll, POLL_THREAD);
    poller.setDaemon(true);
    poller.start();
  }

  @Override
  public String submitBlock() throws ProviderException {
    String blockId = "slurm-" + config.name() + "-" + nextBlock.getAndIncrement();
    Path secretFile = credentials.issue(blockId);
    String script =
        "#!/bin/bash\n"
            + slurm.workerInit()
            + "\nexec "
            + ManagerCommand.shell(
                ManagerCommand.of(
                    config,
                    interchangeAddress,
                    blockId,
                    secretFile,
                    ManagerCommand.sandboxRoot(logDir)))
            + "\n";
    JobRequest.Builder job =
        JobRequest.builder(script, Path.of(slurm.workDir()))
            .name("funcx-" + blockId)
            .timeLimit(Duration.ofMinutes(slurm.walltimeMinutes()))
            .nodes(slurm.nodesPerBlock())
            .cpusPerTask(slurm.cpusPerBlock())
            .standardOutput(logDir.resolve("block-" + blockId + ".log").toString())
            .env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    if (slurm.partition() != null) job.partition(slurm.partition());
    if (slurm.account() != null) job.account(slurm.account());
    if (slurm.qos() != null) job.qos(slurm.qos());
    if (slurm.memoryPerCpuMb() > 0) job.memoryPerCpuMb(slurm.memoryPerCpuMb());
    try {
      long jobId = client.submitJob(job.build());
      active.put(
          blockId,
          new BlockStatus(
              blockId, String.valueOf(jobId), "pending", false, "", System.currentTimeMillis()));
      return blockId;
    } catch (SlurmRestException | IllegalArgumentException e) {
      credentials.withdraw(blockId);
      throw new ProviderException("slurmrestd refused the block job: " + e.getMessage(), e);
    }
  }

  @Override
  public void cancelBlock(String blockId) {
    BlockStatus block = active.get(blockId);
    if (block == null) return;
    try {
      client.cancel(Long.parseLong(block.resourceId()));
      log.info("cancelled Slurm job {} of block {}", block.resourceId(), blockId);
    } catch (SlurmRestException e) {
      log.warn(
          "cannot cancel Slurm job {} of block {}: {}",
          block.resourceId(),
          blockId,
          e.getMessage());
    }
  }

  @Override
  public List<BlockStatus> blocks() {
    List<BlockStatus> out = new ArrayList<>(active.values());
    out.addAll(ended.list());
    return out;
  }

  @Override
  public int workersPerBlock() {
    return config.workersPerNode();
  }

  private void poll() {
    while (open) {
      for (BlockStatus block : List.copyOf(active.values())) follow(block);
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void follow(BlockStatus block) {
    SlurmJob job;
    try {
      job = client.job(Long.parseLong(block.resourceId()));
    } catch (SlurmRestException e) {
      log.warn(
          "cannot read Slurm job {} of block {}: {}",
          block.resourceId(),
          block.blockId(),
          e.getMessage());
      return;
    }
    String state = stateName(job.state());
    if (!job.state().isTerminal()) {
      if (!state.equals(block.state())) {
        active.put(
            block.blockId(),
            new BlockStatus(
                block.blockId(),
                block.resourceId(),
                state,
                false,
                reason(job),
                System.currentTimeMillis()));
      }
      return;
    }
    active.remove(block.blockId());
    credentials.withdraw(block.blockId());
    String why =
        "Slurm job "
            + job.id()
            + " ended "
            + job.state().name()
            + (reason(job).isEmpty() ? "" : " (" + reason(job) + ")");
    ended.add(
        new BlockStatus(
            block.blockId(), block.resourceId(), state, true, why, System.currentTimeMillis()));
    log.info("block {}: {}", block.blockId(), why);
    events.accept(new ProviderEvent.BlockEnded(block.blockId(), why));
  }

  private static String stateName(SlurmJobState state) {
    return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String reason(SlurmJob job) {
    return job.reason() == null || "None".equals(job.reason()) ? "" : job.reason();
  }

  @Override
  public void close() {
    open = false;
    poller.interrupt();
    for (String blockId : List.copyOf(active.keySet())) {
      cancelBlock(blockId);
      credentials.withdraw(blockId);
    }
  }
}
