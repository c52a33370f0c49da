package org.funcx.endpoint.config;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.funcx.core.json.Json;

/**
 * An endpoint's settings, stored as {@code config.json} in its directory. Values outside their
 * range are clamped by {@link #validated()}, with the reason in the exception when impossible.
 *
 * @param provider {@code local} (manager processes on this machine) or {@code slurm}
 * @param workersPerNode worker threads per manager
 * @param prefetch least number of tasks a manager holds beyond its workers; the interchange
 *     raises it for short tasks (to about 50 ms of queued work per worker) to hide dispatch latency
 * @param initBlocks managers (blocks) started with the endpoint
 * @param minBlocks managers kept alive; a lost one is replaced
 * @param maxBlocks upper bound of managers
 * @param heartbeatSeconds heartbeat period on both links; how many missed beats mark a peer lost
 *     is {@link org.funcx.core.wire.Liveness}'s
 * @param maxRetries how often a task lost with its manager is run again before it fails
 * @param interchangeHost address managers connect to
 * @param interchangePort 0 picks a free port at start
 * @param workerJvmOptions extra JVM options of manager processes, space separated
 * @param workerJava the {@code java} that runs managers (a JDK 17 to 25: they compile functions);
 *     empty for the agent's own. Set it when compute nodes have their JDK elsewhere.
 * @param maxResultBytes results above this fail as payload-too-large
 * @param idleTimeoutSeconds a block idle this long is stopped (down to {@code minBlocks})
 * @param slurm Slurm settings, for {@code provider = slurm}; null otherwise
 * @param allowedFunctions function ids this endpoint runs; empty for any its users may run (the
 *     service checks at submission, the interchange again on arrival)
 * @param keepShellSandboxes keep each shell task's working directory (under the endpoint's
 *     {@code sandboxes} directory) after the task, to look at what it left; removed by default
 * @param libraries where managers resolve functions' dependencies, and site jars for every
 *     function (absent in older files: the defaults)
 * @param availableAccelerators accelerator ids (GPU indexes or UUIDs) of each node: every worker
 *     is bound to one and its shell tasks see {@code CUDA_VISIBLE_DEVICES} set to it, and a
 *     manager runs no more workers than ids; empty (absent in older files) for none
 */
public record EndpointConfig(
    String name,
    String endpointId,
    String serviceUrl,
    String provider,
    int workersPerNode,
    int prefetch,
    int initBlocks,
    int minBlocks,
    int maxBlocks,
    double heartbeatSeconds,
    int maxRetries,
    String interchangeHost,
    int interchangePort,
    String workerJvmOptions,
    String workerJava,
    long maxResultBytes,
    double idleTimeoutSeconds,
    SlurmSettings slurm,
    List<String> allowedFunctions,
    boolean keepShellSandboxes,
    LibrarySettings libraries,
    List<String> availableAccelerators) {
  /** At most this many accelerator ids, each of at most {@link #MAX_ACCELERATOR_ID} characters. */
  public static final int MAX_ACCELERATORS = 256;

  public static final int MAX_ACCELERATOR_ID = 64;

  /** Without accelerators (files written before {@code availableAccelerators}). */
  public EndpointConfig(
      String name,
      String endpointId,
      String serviceUrl,
      String provider,
      int workersPerNode,
      int prefetch,
      int initBlocks,
      int minBlocks,
      int maxBlocks,
      double heartbeatSeconds,
      int maxRetries,
      String interchangeHost,
      int interchangePort,
      String workerJvmOptions,
      String workerJava,
      long maxResultBytes,
      double idleTimeoutSeconds,
      SlurmSettings slurm,
      List<String> allowedFunctions,
      boolean keepShellSandboxes,
      LibrarySettings libraries) {
    this(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        List.of());
  }

  /** Without a {@code libraries} section: the default repositories, no site jars. */
  public EndpointConfig(
      String name,
      String endpointId,
      String serviceUrl,
      String provider,
      int workersPerNode,
      int prefetch,
      int initBlocks,
      int minBlocks,
      int maxBlocks,
      double heartbeatSeconds,
      int maxRetries,
      String interchangeHost,
      int interchangePort,
      String workerJvmOptions,
      String workerJava,
      long maxResultBytes,
      double idleTimeoutSeconds,
      SlurmSettings slurm,
      List<String> allowedFunctions,
      boolean keepShellSandboxes) {
    this(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        LibrarySettings.defaults());
  }

  public static EndpointConfig defaults(String name, String serviceUrl) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new EndpointConfig(
        name,
        null,
        serviceUrl,
        "local",
        Math.max(1, cores),
        0,
        1,
        1,
        1,
        2.0,
        1,
        "127.0.0.1",
        0,
        "-Xmx1g -XX:+UseSerialGC",
        "",
        256L << 20,
        120,
        null,
        List.of(),
        false,
        LibrarySettings.defaults());
  }

  public EndpointConfig validated() {
    if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          "endpoint name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (!"local".equals(provider) && !"slurm".equals(provider)) {
      throw new IllegalArgumentException(
          "provider '" + provider + "' is unknown; use local or slurm");
    }
    if ("slurm".equals(provider) && slurm == null) {
      throw new IllegalArgumentException("provider slurm needs a \"slurm\" section");
    }
    if (maxBlocks < 1 || minBlocks < 0 || minBlocks > maxBlocks || initBlocks > maxBlocks) {
      throw new IllegalArgumentException(
          "blocks must satisfy 0 <= min <= max, init <= max, max >= 1;"
              + " got init="
              + initBlocks
              + " min="
              + minBlocks
              + " max="
              + maxBlocks);
    }
    List<String> accelerators = validAccelerators(availableAccelerators);
    int workers = Math.max(1, workersPerNode);
    // One accelerator per worker: no more workers than ids.
    if (!accelerators.isEmpty()) workers = Math.min(workers, accelerators.size());
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workers,
        Math.max(0, prefetch),
        initBlocks,
        minBlocks,
        maxBlocks,
        Math.max(0.2, heartbeatSeconds),
        Math.max(0, maxRetries),
        interchangeHost,
        interchangePort,
        workerJvmOptions == null ? "" : workerJvmOptions,
        workerJava == null ? "" : workerJava.strip(),
        Math.max(1024, maxResultBytes),
        idleTimeoutSeconds <= 0 ? 120 : idleTimeoutSeconds,
        slurm == null ? null : slurm.validated(),
        allowedFunctions == null ? List.of() : List.copyOf(allowedFunctions),
        keepShellSandboxes,
        libraries == null ? LibrarySettings.defaults() : libraries.validated(),
        accelerators);
  }

  /** Absent is none; each id is what CUDA_VISIBLE_DEVICES takes (an index, a GPU or MIG UUID). */
  private static List<String> validAccelerators(List<String> ids) {
    if (ids == null) return List.of();
    if (ids.size() > MAX_ACCELERATORS) {
      throw new IllegalArgumentException(
          "availableAccelerators holds at most " + MAX_ACCELERATORS + " ids, got " + ids.size());
    }
    for (String id : ids) {
      if (id == null || !id.matches("[A-Za-z0-9:._/-]{1," + MAX_ACCELERATOR_ID + "}")) {
        throw new IllegalArgumentException(
            "availableAccelerators: '"
                + id
                + "' is not an"
                + " accelerator id (1-"
                + MAX_ACCELERATOR_ID
                + " letters, digits, ':', '.', '_', '/'"
                + " or '-')");
      }
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("availableAccelerators lists an id twice: " + ids);
    }
    return List.copyOf(ids);
  }

  /** These settings with one worker per listed accelerator id (empty: none). */
  public EndpointConfig withAccelerators(List<String> ids) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        ids);
  }

  public EndpointConfig withEndpointId(String id) {
    return new EndpointConfig(
        name,
        id,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withServiceUrl(String url) {
    return new EndpointConfig(
        name,
        endpointId,
        url,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withBlocks(int init, int min, int max) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        init,
        min,
        max,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withWorkers(int workers, int prefetchCount) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workers,
        prefetchCount,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withMaxRetries(int retries) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        retries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withSlurm(SlurmSettings settings, double idleTimeout) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        settings == null ? "local" : "slurm",
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeout,
        settings,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withAllowedFunctions(List<String> functionIds) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        functionIds,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withWorkerJvm(String java, String jvmOptions) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        jvmOptions,
        java,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withMaxResultBytes(long bytes) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        bytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withKeepShellSandboxes(boolean keep) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keep,
        libraries,
        availableAccelerators);
  }

  public EndpointConfig withLibraries(LibrarySettings settings) {
    return new EndpointConfig(
        name,
        endpointId,
        serviceUrl,
        provider,
        workersPerNode,
        prefetch,
        initBlocks,
        minBlocks,
        maxBlocks,
        heartbeatSeconds,
        maxRetries,
        interchangeHost,
        interchangePort,
        workerJvmOptions,
        workerJava,
        maxResultBytes,
        idleTimeoutSeconds,
        slurm,
        allowedFunctions,
        keepShellSandboxes,
        settings,
        availableAccelerators);
  }

  public long heartbeatMillis() {
    return Math.round(heartbeatSeconds * 1000);
  }

  public static EndpointConfig load(Path file) throws IOException {
    try {
      EndpointConfig c = Json.GSON.fromJson(Files.readString(file), EndpointConfig.class);
      if (c == null) throw new IOException(file + " is empty");
      return c.validated();
    } catch (JsonParseException | IllegalArgumentException e) {
      throw new IOException("invalid endpoint config " + file + ": " + e.getMessage(), e);
    }
  }

  public void save(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        new com.google.gson.GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(this)
            + "\n");
  }
}
