package org.funcx.service.forward;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;
import org.funcx.core.rest.BlockDescription;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireFormatException;
import org.funcx.core.wire.WireLimits;
import org.funcx.service.metrics.ServiceMetrics;
import org.funcx.service.output.LiveOutputWindows;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.StoreException;
import org.funcx.service.store.TaskCompletions;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;

/**
 * The forwarder's bookkeeping, free of sockets: which unfinished tasks belong to which endpoint,
 * what must be sent, and how results and cancels end tasks. Forwarder thread only.
 */
final class TaskLedger {
  private final Map<String, EndpointLink> links = new HashMap<>();

  /** Every unfinished task's record, so the hot paths never read the store. */
  private final Map<String, TaskRecord> unfinished = new HashMap<>();

  /** Tasks finished since the last commit, to take back if that commit fails. */
  private final List<TaskRecord> finishing = new ArrayList<>();

  private final TaskStorage store;
  private final LiveTaskStates live;
  private final FunctionCatalog functions;
  private final TaskCompletions completions;
  private final ServiceMetrics metrics;
  private final LiveOutputWindows liveOutput;

  TaskLedger(
      TaskStorage store,
      LiveTaskStates live,
      FunctionCatalog functions,
      TaskCompletions completions,
      ServiceMetrics metrics,
      LiveOutputWindows liveOutput) {
    this.metrics = metrics;
    this.liveOutput = liveOutput;
    this.store = store;
    this.live = live;
    this.functions = functions;
    this.completions = completions;
  }

  /** Rebuilds the unfinished tasks from the store after a start or restart. */
  void recover() {
    List<TaskRecord> stored = new ArrayList<>();
    store.forEach(
        r -> {
          if (!r.state().isTerminal()) stored.add(r);
        });
    stored.sort((a, b) -> Long.compare(a.createdAtMillis(), b.createdAtMillis()));
    for (TaskRecord r : stored) add(r);
    completions.recovered(stored);
  }

  EndpointLink link(String endpointId) {
    return links.computeIfAbsent(endpointId, id -> new EndpointLink(id, metrics.endpoint(id)));
  }

  Collection<EndpointLink> links() {
    return links.values();
  }

  void add(TaskRecord task) {
    EndpointLink link = link(task.endpointId());
    if (!link.outstanding.add(task.taskId())) return;
    unfinished.put(task.taskId(), task);
    live.set(task.taskId(), TaskState.WAITING_FOR_ENDPOINT);
    if (link.online()) link.toSend.add(task.taskId());
  }

  /**
   * Takes up to {@code max} tasks to send, and arguments of at most
   * {@link WireLimits#TASK_BATCH_BYTES} (but at least one task), so that a batch stays far below
   * the endpoint's frame limit; tasks whose function vanished fail instead.
   */
  Optional<Messages.Tasks> nextBatch(EndpointLink link, int max) {
    Map<String, FunctionSpec> specs = new HashMap<>();
    List<Messages.TaskSpec> batch = new ArrayList<>();
    long argsChars = 0;
    while (batch.size() < max
        && !link.toSend.isEmpty()
        && argsChars < WireLimits.TASK_BATCH_BYTES) {
      String taskId = link.toSend.poll();
      TaskRecord task = unfinished.get(taskId);
      if (task == null) continue;
      Optional<FunctionSpec> spec = functions.spec(task.functionId());
      if (spec.isEmpty()) {
        finish(
            task,
            null,
            new TaskError(
                ErrorKind.FUNCTION_NOT_FOUND,
                "function " + task.functionId() + " was deleted before task " + taskId + " ran",
                ""));
        continue;
      }
      specs.putIfAbsent(spec.get().hash(), spec.get());
      argsChars += task.argsJson() == null ? 0 : task.argsJson().length();
      batch.add(
          new Messages.TaskSpec(
              taskId,
              spec.get().hash(),
              task.argsJson(),
              task.timeoutMillis(),
              task.functionId(),
              task.resources()));
      link.unacknowledged.add(taskId);
    }
    commit();
    return batch.isEmpty() ? Optional.empty() : Optional.of(new Messages.Tasks(specs, batch));
  }

  void acknowledged(EndpointLink link, List<String> taskIds) {
    for (String id : taskIds) {
      if (link.unacknowledged.remove(id) && link.outstanding.contains(id)) {
        link.delivered.add(id);
        live.advance(id, TaskState.WAITING_FOR_NODES);
      }
    }
  }

  void running(EndpointLink link, List<String> taskIds) {
    for (String id : taskIds) {
      if (link.outstanding.contains(id)) live.advance(id, TaskState.RUNNING);
    }
  }

  /**
   * Keeps what the endpoint's running tasks printed so far; chunks of tasks that are not its own
   * or have ended are ignored, malformed ones refused one by one (the rest are kept).
   *
   * @return the chunks refused, with why, for the log
   */
  List<String> liveOutput(EndpointLink link, Messages.LiveOutput output) {
    List<String> refused = new ArrayList<>();
    if (output.chunks() == null) return refused;
    int taken = 0;
    for (Messages.OutputChunk chunk : output.chunks()) {
      if (++taken > LiveOutputLimits.CHUNKS_PER_MESSAGE) {
        refused.add(
            (output.chunks().size() - LiveOutputLimits.CHUNKS_PER_MESSAGE)
                + " chunks over the "
                + LiveOutputLimits.CHUNKS_PER_MESSAGE
                + " a message may hold");
        break;
      }
      if (chunk == null || chunk.taskId() == null) continue;
      TaskRecord task = unfinished.get(chunk.taskId());
      if (task == null || !task.endpointId().equals(link.endpointId)) continue;
      try {
        liveOutput.append(chunk);
      } catch (WireFormatException e) {
        refused.add(e.getMessage());
      }
    }
    return refused;
  }

  /**
   * Records the results of tasks still unfinished; duplicates and strangers are ignored. Nothing
   * is durable, and nothing may be acknowledged, before {@link #commit()}.
   */
  void results(EndpointLink link, List<ResultEnvelope> results) {
    for (ResultEnvelope envelope : results) {
      TaskResult result = envelope.result();
      TaskRecord task = unfinished.get(result.taskId());
      String stdout = PrintedOutputLimit.clip(result.stdout());
      String stderr = PrintedOutputLimit.clip(result.stderr());
      if (task == null) {
        completions.lateOutput(result.taskId(), link.endpointId, stdout, stderr);
        continue;
      }
      if (!task.endpointId().equals(link.endpointId)) continue;
      task = task.withOutput(stdout, stderr);
      if (envelope.binary() != null) {
        completions.succeedBinary(task, result.binaryFormat(), envelope.binary());
        forget(task);
      } else {
        finish(task, result.resultJson(), result.error());
      }
    }
  }

  /**
   * Makes every recorded outcome durable in one store commit, then publishes them. When the store
   * cannot write, the tasks are unfinished again: their results will come again and be stored then.
   */
  void commit() {
    try {
      completions.commit();
      finishing.clear();
    } catch (StoreException e) {
      List<TaskRecord> back = List.copyOf(finishing);
      finishing.clear();
      back.forEach(this::add);
      throw e;
    }
  }

  /**
   * Cancels an unfinished task, queued or running: it ends {@code cancelled} at once (durably).
   * Returns false when it had finished already. A task the endpoint has (or may have) is put in
   * its link's {@code cancelsToSend}, so the endpoint stops it and frees its worker.
   */
  boolean cancel(String taskId) {
    TaskRecord task = unfinished.get(taskId);
    if (task == null) return false;
    EndpointLink link = links.get(task.endpointId());
    // Told even when it may not have it yet (a batch in flight): the endpoint ignores strangers.
    boolean endpointHasIt = link != null && !link.toSend.contains(taskId);
    String where = live.get(taskId) == TaskState.RUNNING ? " while it ran" : "";
    finish(
        task, null, TaskError.of(ErrorKind.CANCELLED, "task " + taskId + " was cancelled" + where));
    commit();
    if (endpointHasIt) link.cancelsToSend.add(taskId);
    return true;
  }

  /** Fails every unfinished task of an endpoint that is gone for good. */
  void endpointLost(String endpointId, String why) {
    EndpointLink link = links.remove(endpointId);
    if (link == null) return;
    for (String taskId : List.copyOf(link.outstanding)) {
      finish(
          unfinished.get(taskId),
          null,
          TaskError.of(
              ErrorKind.ENDPOINT_LOST,
              "endpoint " + endpointId + " " + why + " with task " + taskId + " on it"));
    }
    commit();
    metrics.forgetEndpoint(endpointId);
  }

  /** Records the outcome first: if the store refuses it, the task stays unfinished. */
  private void finish(TaskRecord task, String resultJson, TaskError error) {
    if (error == null) completions.succeed(task, resultJson);
    else completions.fail(task, error);
    forget(task);
  }

  private void forget(TaskRecord task) {
    finishing.add(task);
    EndpointLink link = links.get(task.endpointId());
    if (link != null) {
      link.outstanding.remove(task.taskId());
      link.delivered.remove(task.taskId());
    }
    unfinished.remove(task.taskId());
    liveOutput.drop(task.taskId());
  }

  EndpointStatus status(String endpointId) {
    EndpointLink link = links.get(endpointId);
    if (link == null) return EndpointStatus.offline(endpointId);
    var load = link.load;
    return new EndpointStatus(
        endpointId,
        link.online(),
        link.lastSeenMillis,
        load.managers(),
        load.workers(),
        load.idleWorkers(),
        link.outstanding.size(),
        load.queued(),
        load.running(),
        load.problem(),
        blocks(load));
  }

  /** The blocks an agent reported, as the REST API describes them (its bounds enforced here). */
  private static List<BlockDescription> blocks(Messages.Heartbeat load) {
    return load.blockList().stream()
        .map(Messages.BlockReport::bounded)
        .map(
            b ->
                new BlockDescription(
                    b.blockId(), b.resourceId(), b.state(), b.detail(), b.sinceMillis()))
        .toList();
  }
}
