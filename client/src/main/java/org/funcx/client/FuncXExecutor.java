package org.funcx.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

  /** Runs {@code function(args...)} once. */
  public CompletableFuture<Object> submit(RegisteredFunction function, Object... args) {
    return submit(function, TaskOptions.DEFAULT, args);
  }

  public CompletableFuture<Object> submit(RegisteredFunction function, TaskOptions options,
      Object... args) {
    return map(function, List.of(List.of(args)), options).get(0);
  }

  /**
   * Runs the function once per input, all in one request. An input that is a {@link List} is the
   * argument list of its call; any other input is the single argument.
   */
  public List<CompletableFuture<Object>> map(RegisteredFunction function, List<?> inputs) {
    return map(function, inputs, TaskOptions.DEFAULT);
  }

  public List<CompletableFuture<Object>> map(RegisteredFunction function, List<?> inputs,
      TaskOptions options) {
    Submission submission = client.submit(function.id(), endpointId, inputs, options);
    List<CompletableFuture<Object>> futures = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) futures.add(new CompletableFuture<>());
    results.expect(submission.groupId(), submission.taskIds(), futures, function.returnType());
    return futures;
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
