package org.funcx.service.store;

import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;

/**
 * The durable record of one task. States between {@code waiting-for-endpoint} and a terminal state
 * are kept in memory only ({@code LiveTaskStates}): after a restart such a task is simply sent again.
 *
 * @param argsJson the call's arguments as a JSON array
 * @param resultJson set when the task succeeded with a JSON result
 * @param error set when the task failed or was cancelled
 * @param resultFormat set when the task succeeded with a binary result (e.g. {@code arrow}),
 *     whose bytes the {@link TaskStore} keeps beside the record
 * @param resultSize bytes of the binary result
 * @param stdout what the task printed to {@code System.out} (the last 1 MiB the worker kept, with a
 *     marker when more was dropped); null when it printed nothing or finished without a worker
 *     answer (records stored before output was kept have none either)
 * @param stderr the same for {@code System.err}
 * @param resources the nodes, ranks and CPUs the task asked for (its srun on a Slurm endpoint);
 *     null for none
 */
public record TaskRecord(
    String taskId,
    String groupId,
    String functionId,
    String endpointId,
    String argsJson,
    boolean cacheable,
    long timeoutMillis,
    TaskState state,
    long createdAtMillis,
    long completedAtMillis,
    String resultJson,
    TaskError error,
    String resultFormat,
    long resultSize,
    String stdout,
    String stderr,
    ResourceSpec resources) {

  public static TaskRecord submitted(
      String taskId,
      String groupId,
      String functionId,
      String endpointId,
      String argsJson,
      boolean cacheable,
      long timeoutMillis,
      long now) {
    return submitted(
        taskId, groupId, functionId, endpointId, argsJson, cacheable, timeoutMillis, null, now);
  }

  public static TaskRecord submitted(
      String taskId,
      String groupId,
      String functionId,
      String endpointId,
      String argsJson,
      boolean cacheable,
      long timeoutMillis,
      ResourceSpec resources,
      long now) {
    return new TaskRecord(
        taskId,
        groupId,
        functionId,
        endpointId,
        argsJson,
        cacheable,
        timeoutMillis,
        TaskState.WAITING_FOR_ENDPOINT,
        now,
        0,
        null,
        null,
        null,
        0,
        null,
        null,
        resources);
  }

  public TaskRecord succeeded(String result, long now) {
    return withOutcome(TaskState.SUCCESS, result, null, now);
  }

  public TaskRecord succeededBinary(String format, long size, long now) {
    return new TaskRecord(
        taskId,
        groupId,
        functionId,
        endpointId,
        argsJson,
        cacheable,
        timeoutMillis,
        TaskState.SUCCESS,
        createdAtMillis,
        now,
        null,
        null,
        format,
        size,
        stdout,
        stderr,
        resources);
  }

  /** This record with what the task printed; its outcome is kept. */
  public TaskRecord withOutput(String out, String err) {
    return new TaskRecord(
        taskId,
        groupId,
        functionId,
        endpointId,
        argsJson,
        cacheable,
        timeoutMillis,
        state,
        createdAtMillis,
        completedAtMillis,
        resultJson,
        error,
        resultFormat,
        resultSize,
        out,
        err,
        resources);
  }

  /** This record as it was before its outcome: no result, error, output or completion time. */
  public TaskRecord withoutOutcome() {
    return new TaskRecord(
        taskId,
        groupId,
        functionId,
        endpointId,
        argsJson,
        cacheable,
        timeoutMillis,
        TaskState.WAITING_FOR_ENDPOINT,
        createdAtMillis,
        0,
        null,
        null,
        null,
        0,
        null,
        null,
        resources);
  }

  /** True when the record carries printed output. */
  public boolean hasOutput() {
    return stdout != null || stderr != null;
  }

  public TaskRecord failed(TaskError failure, long now) {
    TaskState terminal =
        failure.kind() == org.funcx.core.model.ErrorKind.CANCELLED
            ? TaskState.CANCELLED
            : TaskState.FAILED;
    return withOutcome(terminal, null, failure, now);
  }

  private TaskRecord withOutcome(TaskState terminal, String result, TaskError failure, long now) {
    return new TaskRecord(
        taskId,
        groupId,
        functionId,
        endpointId,
        argsJson,
        cacheable,
        timeoutMillis,
        terminal,
        createdAtMillis,
        now,
        result,
        failure,
        null,
        0,
        stdout,
        stderr,
        resources);
  }
}
