package org.funcx.service.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;
import org.funcx.service.metrics.EndpointMeters;
import org.funcx.service.metrics.ServiceMetrics;

/**
 * Turns outcomes into durable terminal records: store, memoize, commit, then drop the live state
 * and tell listeners (the WebSocket push). One place, so every path to a terminal state (results,
 * cancels, lost endpoints, memo hits) behaves the same. It is also where a task stops counting
 * against its user's and endpoint's quotas of unfinished tasks, and where outcomes are counted
 * (once each, when durable).
 */
public final class TaskCompletions {
  private final TaskStorage store;
  private final LiveTaskStates live;
  private final FunctionCatalog functions;
  private final Consumer<List<TaskRecord>> listener;
  private final UnfinishedTaskQuotas quotas;
  private final ServiceMetrics metrics;
  private final List<TaskRecord> pending = new ArrayList<>();

  /** Late output was put since the last commit. */
  private boolean unpublished;

  public TaskCompletions(
      TaskStorage store,
      LiveTaskStates live,
      FunctionCatalog functions,
      Consumer<List<TaskRecord>> listener,
      UnfinishedTaskQuotas quotas,
      ServiceMetrics metrics) {
    this.store = store;
    this.live = live;
    this.functions = functions;
    this.listener = listener;
    this.quotas = quotas;
    this.metrics = metrics;
  }

  /** Counts the unfinished tasks found in the store at start against their quotas. */
  public void recovered(List<TaskRecord> unfinished) {
    quotas.restore(unfinished, store::groupOwner);
  }

  /**
   * Records a result; nothing is durable until {@link #commit()}. A result that is not one JSON
   * value (an endpoint's bug, or one trying to add fields to task documents) fails the task.
   */
  public void succeed(TaskRecord task, String resultJson) {
    if (!JsonText.isOneValue(resultJson)) {
      fail(
          task,
          new TaskError(
              ErrorKind.SERIALIZATION_ERROR,
              "the endpoint returned a result"
                  + " that is not one JSON value ("
                  + (resultJson == null ? 0 : resultJson.length())
                  + " characters); it was not stored",
              ""));
      return;
    }
    TaskRecord done = task.succeeded(resultJson, System.currentTimeMillis());
    store.put(done);
    if (task.cacheable()) {
      functions
          .spec(task.functionId())
          .map(FunctionSpec::hash)
          .ifPresent(
              hash ->
                  store.memoize(
                      MemoKey.of(store.groupOwner(task.groupId()), hash, task.argsJson()),
                      resultJson));
    }
    pending.add(done);
  }

  /** Records a binary result: bytes to their file first, then the record naming them. */
  public void succeedBinary(TaskRecord task, String format, byte[] bytes) {
    store.putBinary(task.taskId(), bytes);
    TaskRecord done = task.succeededBinary(format, bytes.length, System.currentTimeMillis());
    store.put(done);
    pending.add(done);
  }

  /**
   * Keeps what a task printed when its worker's answer comes after the service ended it: a task
   * cancelled here while it ran ends at once, and its worker's {@code cancelled} answer brings
   * what it printed before it stopped. Only a cancelled record of that endpoint without output
   * takes it; anything else (duplicates, strangers) is ignored.
   */
  public void lateOutput(String taskId, String endpointId, String stdout, String stderr) {
    if (stdout == null && stderr == null) return;
    TaskRecord done = store.get(taskId);
    if (done == null
        || done.state() != TaskState.CANCELLED
        || done.hasOutput()
        || !done.endpointId().equals(endpointId)) {
      return;
    }
    store.put(done.withOutput(stdout, stderr));
    unpublished = true;
  }

  public void fail(TaskRecord task, TaskError error) {
    TaskRecord done = task.failed(error, System.currentTimeMillis());
    store.put(done);
    pending.add(done);
  }

  /**
   * Makes everything recorded so far durable, then publishes it. If the store cannot commit, the
   * records are dropped (the store reopens at its last commit) and the exception tells the caller
   * to take the tasks back as unfinished.
   */
  public void commit() {
    if (pending.isEmpty()) {
      if (unpublished) store.commit(); // late output: nothing new to publish
      unpublished = false;
      return;
    }
    unpublished = false;
    List<TaskRecord> done = List.copyOf(pending);
    pending.clear();
    store.commit();
    for (TaskRecord r : done) {
      live.remove(r.taskId());
      quotas.finished(r);
    }
    count(done);
    listener.accept(done);
  }

  /** Counts committed outcomes; a commit's tasks mostly share an endpoint, whose meters are kept. */
  private void count(List<TaskRecord> done) {
    long now = System.currentTimeMillis();
    EndpointMeters meters = null;
    for (TaskRecord r : done) {
      if (meters == null || !meters.endpointId().equals(r.endpointId())) {
        meters = metrics.endpoint(r.endpointId());
      }
      meters.finished(r.error());
      metrics.endToEnd(now - r.createdAtMillis());
    }
  }
}
