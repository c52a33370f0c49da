package org.funcx.core.wire;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import java.util.Map;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;

/** Bodies of the messages named by {@link MessageType}; plain records encoded as JSON. */
public final class Messages {
  private Messages() {}

  public record Empty() {}

  /** First message of an agent process; {@code sessionId} changes with every agent start. */
  public record RegisterEndpoint(String endpointId, String sessionId, String version) {}

  public record EndpointRegistered(String endpointId, long heartbeatMillis) {}

  public record Rejected(String reason) {}

  public record TaskIds(List<String> taskIds) {}

  /**
   * One unit of work for a worker.
   *
   * @param argsJson JSON array of the call's arguments, passed through untouched
   * @param timeoutMillis 0 for no timeout
   * @param functionId the registered function's id, which endpoints restricting their functions check
   */
  @JsonAdapter(TaskRecordAdapters.Spec.class)
  public record TaskSpec(String taskId, String functionHash, String argsJson, long timeoutMillis,
      String functionId) {}

  /** A batch of tasks; {@code functions} carries every function the batch needs, by hash. */
  public record Tasks(Map<String, FunctionSpec> functions, List<TaskSpec> tasks) {}

  /**
   * Exactly one of {@code resultJson}, a binary result and {@code error} is set. A binary result
   * (e.g. an Arrow table) travels as an extra frame of the message, at {@code binaryFrame}; see
   * {@link ResultEnvelope}.
   */
  @JsonAdapter(TaskRecordAdapters.ResultFactory.class)
  public record TaskResult(String taskId, String resultJson, TaskError error, String binaryFormat,
      int binaryFrame) {
    public static TaskResult success(String taskId, String resultJson) {
      return new TaskResult(taskId, resultJson, null, null, -1);
    }

    public static TaskResult failure(String taskId, TaskError error) {
      return new TaskResult(taskId, null, error, null, -1);
    }

    TaskResult inFrame(int frame) {
      return new TaskResult(taskId, resultJson, error, binaryFormat, frame);
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

  /** Liveness plus the sender's load, so the receiver can show it and expire silent peers. */
  /**
   * @param problem what keeps the endpoint from working, for people (managers that fail at
   *     start-up, with the first lines of their error); null when there is none or from a manager
   * @param sendingBytes between a manager and its interchange: the size of the message that
   *     follows this heartbeat (0: none announced); the receiver hears nothing else until it has
   *     crossed, and waits {@link WireLimits#crossingMillis} longer before giving the peer up
   */
  public record Heartbeat(int managers, int workers, int idleWorkers, int queued, int running,
      String problem, long sendingBytes) {
    public static final Heartbeat EMPTY = new Heartbeat(0, 0, 0, 0, 0);

    public Heartbeat(int managers, int workers, int idleWorkers, int queued, int running) {
      this(managers, workers, idleWorkers, queued, running, null, 0);
    }

    public Heartbeat(int managers, int workers, int idleWorkers, int queued, int running,
        String problem) {
      this(managers, workers, idleWorkers, queued, running, problem, 0);
    }

    /** An empty heartbeat announcing a message of {@code bytes}. */
    public static Heartbeat announcing(long bytes) {
      return new Heartbeat(0, 0, 0, 0, 0, null, bytes);
    }
  }

  public record RegisterManager(
      String managerId, String blockId, int workers, int prefetch, String host, long pid) {}
}
