package org.funcx.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.funcx.arrow.ArrowTable;
import org.funcx.arrow.MapResultTable;
import org.funcx.arrow.TaskOutcome;

/**
 * Runs registered functions on one endpoint and hands back futures, in the manner of Globus
 * Compute's Executor: {@code submit} for one call, {@code map} for many in one request. Results
 * arrive pushed over a WebSocket (polling as fallback). Closing fails the futures still pending.
 */
public final class FuncXExecutor implements AutoCloseable {
  private final FuncXClient client;
  private final String endpointId;
  private final ResultStream results;

  FuncXExecutor(FuncXClient client, String endpointId) {
    this.client = client;
    this.endpointId = endpointId;
    this.results = new ResultStream(client);
  }

  public String endpointId() {
    return endpointId;
  }

  /**
   * Runs {@code function(args...)} once. The future's {@link TaskFuture#status()} then has what
   * the function printed.
   */
  public TaskFuture submit(RegisteredFunction function, Object... args) {
    return submit(function, TaskOptions.DEFAULT, args);
  }

  public TaskFuture submit(RegisteredFunction function, TaskOptions options, Object... args) {
    return TaskFuture.of(map(function, List.of(List.of(args)), options).get(0));
  }

  /**
   * Runs the function once per input, all in one request. An input that is a {@link List} is the
   * argument list of its call; any other input is the single argument. Each future is a
   * {@link TaskFuture} ({@link TaskFuture#of} gives its task id and final status).
   */
  public List<CompletableFuture<Object>> map(RegisteredFunction function, List<?> inputs) {
    return map(function, inputs, TaskOptions.DEFAULT);
  }

  public List<CompletableFuture<Object>> map(
      RegisteredFunction function, List<?> inputs, TaskOptions options) {
    Submission submission = client.submit(function.id(), endpointId, inputs, options);
    List<CompletableFuture<Object>> futures = new ArrayList<>(inputs.size());
    for (String taskId : submission.taskIds()) futures.add(new TaskFuture(taskId));
    results.expect(submission.groupId(), submission.taskIds(), futures, function.returnType());
    return futures;
  }

  /**
   * Maps like {@link #map} and gathers every outcome into one Arrow table, one row per call in
   * input order: {@code task_id}, {@code status}, {@code value} (typed when the results are scalars
   * of one type) and {@code error}. The caller closes the table.
   */
  public CompletableFuture<ArrowTable> mapTable(
      RegisteredFunction function, List<?> inputs, TaskOptions options) {
    Submission submission = client.submit(function.id(), endpointId, inputs, options);
    List<CompletableFuture<Object>> futures = new ArrayList<>(inputs.size());
    for (String taskId : submission.taskIds()) futures.add(new TaskFuture(taskId));
    results.expect(submission.groupId(), submission.taskIds(), futures, function.returnType());
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .handle((ignored, e) -> outcomes(submission.taskIds(), futures))
        .thenApply(outcomes -> MapResultTable.build(outcomes, ClientMemory.ALLOCATOR));
  }

  private static List<TaskOutcome> outcomes(
      List<String> taskIds, List<CompletableFuture<Object>> futures) {
    List<TaskOutcome> out = new ArrayList<>(taskIds.size());
    for (int i = 0; i < taskIds.size(); i++) {
      try {
        Object value = futures.get(i).join();
        out.add(
            TaskOutcome.success(
                taskIds.get(i), value instanceof ArrowTable t ? t.rowCount() + " rows" : value));
        if (value instanceof ArrowTable t) t.close();
      } catch (java.util.concurrent.CompletionException e) {
        Throwable cause = e.getCause();
        String status =
            cause instanceof TaskFailedException f
                    && f.kind() == org.funcx.core.model.ErrorKind.CANCELLED
                ? "cancelled"
                : "failed";
        out.add(TaskOutcome.failure(taskIds.get(i), status, cause.getMessage()));
      }
    }
    return out;
  }

  /** Tasks submitted through this executor whose results have not arrived. */
  public int pending() {
    return results.pendingCount();
  }

  @Override
  public void close() {
    results.close();
  }
}
