package org.funcx.core.wire;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import java.util.Map;
import org.funcx.core.model.BlockShape;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.TaskError;

/** Bodies of the messages named by {@link MessageType}; plain records encoded as JSON. */
public final class Messages {
  private Messages() {}

  public record Empty() {}

  /**
   * First message of an agent process; {@code sessionId} changes with every agent start.
   * {@code version} and {@code protocol}: the agent's funcX and wire protocol versions, which the
   * forwarder checks ({@link WireProtocol}; absent, from an older agent, the protocol reads 0).
   * {@code blockShape}: the size of the endpoint's blocks when it places ranks with srun (a Slurm
   * endpoint); null for an endpoint that cannot, and from an agent older than resource requests.
   */
  public record RegisterEndpoint(
      String endpointId, String sessionId, String version, int protocol, BlockShape blockShape) {
    public RegisterEndpoint(String endpointId, String sessionId, String version, int protocol) {
      this(endpointId, sessionId, version, protocol, null);
    }

    /** This build's registration. */
    public static RegisterEndpoint of(String endpointId, String sessionId, BlockShape shape) {
      return new RegisterEndpoint(
          endpointId, sessionId, WireProtocol.productVersion(), WireProtocol.VERSION, shape);
    }

    /** This build's registration, of an endpoint that cannot place ranks. */
    public static RegisterEndpoint of(String endpointId, String sessionId) {
      return of(endpointId, sessionId, null);
    }
  }

  public record EndpointRegistered(String endpointId, long heartbeatMillis) {}

  public record Rejected(String reason) {}

  public record TaskIds(List<String> taskIds) {}

  /**
   * One unit of work for a worker.
   *
   * @param argsJson JSON array of the call's arguments, passed through untouched
   * @param timeoutMillis 0 for no timeout
   * @param functionId the registered function's id, which endpoints restricting their functions check
   * @param resources nodes, ranks and CPUs a shell task runs with through srun; null for none
   *     (and in messages from before resource specifications)
   */
  @JsonAdapter(TaskRecordAdapters.Spec.class)
  public record TaskSpec(
      String taskId,
      String functionHash,
      String argsJson,
      long timeoutMillis,
      String functionId,
      ResourceSpec resources) {
    public TaskSpec(
        String taskId,
        String functionHash,
        String argsJson,
        long timeoutMillis,
        String functionId) {
      this(taskId, functionHash, argsJson, timeoutMillis, functionId, null);
    }
  }

  /** A batch of tasks; {@code functions} carries every function the batch needs, by hash. */
  public record Tasks(Map<String, FunctionSpec> functions, List<TaskSpec> tasks) {}

  /**
   * Exactly one of {@code resultJson}, a binary result and {@code error} is set. A binary result
   * (e.g. an Arrow table) travels as an extra frame of the message, at {@code binaryFrame}; see
   * {@link ResultEnvelope}. {@code stdout} and {@code stderr} are what the task printed (the
   * bounded tail the worker kept), null when it printed nothing, whatever the outcome.
   */
  @JsonAdapter(TaskRecordAdapters.ResultFactory.class)
  public record TaskResult(
      String taskId,
      String resultJson,
      TaskError error,
      String binaryFormat,
      int binaryFrame,
      String stdout,
      String stderr) {
    public TaskResult(
        String taskId, String resultJson, TaskError error, String binaryFormat, int binaryFrame) {
      this(taskId, resultJson, error, binaryFormat, binaryFrame, null, null);
    }

    /** This result with what the task printed (null for a stream it printed nothing to). */
    public TaskResult withOutput(String out, String err) {
      return new TaskResult(taskId, resultJson, error, binaryFormat, binaryFrame, out, err);
    }

    public static TaskResult success(String taskId, String resultJson) {
      return new TaskResult(taskId, resultJson, null, null, -1);
    }

    public static TaskResult failure(String taskId, TaskError error) {
      return new TaskResult(taskId, null, error, null, -1);
    }

    TaskResult inFrame(int frame) {
      return new TaskResult(taskId, resultJson, error, binaryFormat, frame, stdout, stderr);
    }

    public boolean succeeded() {
      return error == null;
    }
  }

  /**
   * A batch of results.
   *
   * @param meanTaskMicros the sender's recent mean run time per task (managers only, else 0); the
   *     interchange sizes a manager's prefetch from it
   */
  public record Results(List<TaskResult> results, long meanTaskMicros) {
    public Results(List<TaskResult> results) {
      this(results, 0);
    }
  }

  /**
   * Liveness plus the sender's load: what an endpoint (or a manager, to its interchange) reports
   * with each heartbeat, so the receiver can show it and expire silent peers. {@code blocks} (not
   * ended, pending ones included), {@code pendingBlocks} and {@code blockReports} came later: an
   * older agent's heartbeat lacks them and they read as 0 and none; an older service ignores them.
   *
   * @param problem what keeps the endpoint from working, for people (managers that fail at
   *     start-up, with the first lines of their error); null when there is none or from a manager
   * @param blockReports the blocks not ended, at most {@link BlockReport#MAX_PER_HEARTBEAT}; null
   *     from an older agent or a manager
   */
  public record Heartbeat(
      int managers,
      int workers,
      int idleWorkers,
      int queued,
      int running,
      String problem,
      int blocks,
      int pendingBlocks,
      List<BlockReport> blockReports) {
    public static final Heartbeat EMPTY = new Heartbeat(0, 0, 0, 0, 0);

    public Heartbeat(int managers, int workers, int idleWorkers, int queued, int running) {
      this(managers, workers, idleWorkers, queued, running, null);
    }

    public Heartbeat(
        int managers, int workers, int idleWorkers, int queued, int running, String problem) {
      this(managers, workers, idleWorkers, queued, running, problem, 0, 0, null);
    }

    public Heartbeat(
        int managers,
        int workers,
        int idleWorkers,
        int queued,
        int running,
        String problem,
        int blocks,
        int pendingBlocks) {
      this(managers, workers, idleWorkers, queued, running, problem, blocks, pendingBlocks, null);
    }

    /** The reported blocks, never null, at most {@link BlockReport#MAX_PER_HEARTBEAT}. */
    public List<BlockReport> blockList() {
      if (blockReports == null) return List.of();
      return blockReports.size() <= BlockReport.MAX_PER_HEARTBEAT
          ? blockReports
          : blockReports.subList(0, BlockReport.MAX_PER_HEARTBEAT);
    }
  }

  /**
   * One block of an endpoint as its agent last saw it, for people (the dashboard, the endpoint's
   * REST description).
   *
   * @param blockId the endpoint's name for it
   * @param resourceId what the resource manager calls it: a Slurm job id, a process id
   * @param state pending, running, completing...
   * @param detail a reason (Slurm's pending reason) or exit code; empty when none
   * @param sinceMillis when it entered its state
   */
  public record BlockReport(
      String blockId, String resourceId, String state, String detail, long sinceMillis) {
    /** Blocks one heartbeat reports; more are counted in {@code blocks} but not described. */
    public static final int MAX_PER_HEARTBEAT = 32;

    public static final int MAX_DETAIL_CHARS = 200;

    /** The most characters of a block id, resource id or state. */
    public static final int MAX_NAME_CHARS = 64;

    /**
     * This report as one may carry it, applied by the agent that sends it and the service that
     * shows it (an agent may be old, buggy or hostile): no field null, names at most {@link
     * #MAX_NAME_CHARS} and the detail at most {@link #MAX_DETAIL_CHARS} characters, each cut
     * marked with "…".
     */
    public BlockReport bounded() {
      return new BlockReport(
          cut(blockId, MAX_NAME_CHARS),
          cut(resourceId, MAX_NAME_CHARS),
          cut(state, MAX_NAME_CHARS),
          cut(detail, MAX_DETAIL_CHARS),
          sinceMillis);
    }

    private static String cut(String text, int max) {
      if (text == null) return "";
      return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
  }

  /**
   * A manager's registration. {@code proof}: hex HMAC-SHA256, under its block's secret, of the
   * interchange's challenge nonce, the block id and the manager id (see BlockSecret).
   * {@code version} and {@code protocol}: the manager's funcX and wire protocol versions, which
   * the interchange checks ({@link WireProtocol}; absent, from an older manager, protocol reads 0).
   */
  public record RegisterManager(
      String managerId,
      String blockId,
      int workers,
      int prefetch,
      String host,
      long pid,
      String proof,
      String version,
      int protocol) {
    /** A registration by a manager of this build. */
    public RegisterManager(
        String managerId,
        String blockId,
        int workers,
        int prefetch,
        String host,
        long pid,
        String proof) {
      this(
          managerId,
          blockId,
          workers,
          prefetch,
          host,
          pid,
          proof,
          WireProtocol.productVersion(),
          WireProtocol.VERSION);
    }

    public RegisterManager withProof(String proof) {
      return new RegisterManager(
          managerId, blockId, workers, prefetch, host, pid, proof, version, protocol);
    }
  }

  /** The interchange's answer to a manager's hello: a fresh nonce (hex) to sign. */
  public record Challenge(String nonce) {}

  /**
   * What running tasks printed since the sender's last such message (see {@link LiveOutputLimits}).
   */
  public record LiveOutput(List<OutputChunk> chunks) {}

  /**
   * New bytes of one running task's streams. {@code stdout} and {@code stderr} are the bytes,
   * base64 (a cut may split a character), null when the stream has nothing new; {@code stdoutAt}
   * and {@code stderrAt} are their offsets in the task's stream, so a receiver sees gaps and
   * repeats.
   */
  public record OutputChunk(
      String taskId, long stdoutAt, String stdout, long stderrAt, String stderr) {}
}
