package org.funcx.endpoint.interchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultBatches;
import org.funcx.core.wire.ResultEnvelope;

/**
 * The endpoint's tasks from arrival to acknowledged result: queued, on a manager, or answered but
 * not yet acknowledged by the service. A task id is in at most one of those places, which is what
 * makes redelivered tasks harmless. Interchange thread only. Public for bench/'s JMH benchmark of
 * it (TaskBookBench); the product uses it only inside this package.
 */
public final class TaskBook {
  private final Map<String, TaskSpec> known = new HashMap<>();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, FunctionSpec> functions = new HashMap<>();
  private final LinkedHashMap<String, ResultEnvelope> unacknowledged = new LinkedHashMap<>();
  private final List<ResultEnvelope> outbox = new ArrayList<>();

  /** When each unacknowledged result was last sent, in sending order. */
  private final LinkedHashMap<String, Long> sentAt = new LinkedHashMap<>();

  /**
   * Tasks the service cancelled: their managers' answers are not results any more, but they
   * bring what the task printed before it stopped, which the service keeps. Oldest age out.
   */
  private final LinkedHashSet<String> cancelled = new LinkedHashSet<>();

  static final int MAX_CANCELLED_KEPT = 10_000;

  /** Accepts a task unless it is already here (a redelivery); returns whether it was new. */
  public boolean accept(TaskSpec task) {
    if (known.containsKey(task.taskId()) || unacknowledged.containsKey(task.taskId())) return false;
    known.put(task.taskId(), task);
    queue.add(task.taskId());
    return true;
  }

  void addFunction(FunctionSpec spec) {
    functions.putIfAbsent(spec.hash(), spec);
  }

  FunctionSpec function(String hash) {
    return functions.get(hash);
  }

  /** Next queued task, skipping cancelled ones; null when the queue is empty. */
  public TaskSpec poll() {
    String id;
    while ((id = queue.poll()) != null) {
      TaskSpec task = known.get(id);
      if (task != null) return task;
    }
    return null;
  }

  /** Puts a task lost with its manager back at the head of the queue; false when out of retries. */
  boolean retry(String taskId, int maxRetries) {
    if (!known.containsKey(taskId)) return false;
    int used = attempts.merge(taskId, 1, Integer::sum);
    if (used > maxRetries) return false;
    queue.addFirst(taskId);
    return true;
  }

  /** Puts a task that was not handed over back at the head of the queue (no retry counted). */
  void requeue(String taskId) {
    if (known.containsKey(taskId)) queue.addFirst(taskId);
  }

  void cancel(String taskId) {
    if (known.remove(taskId) != null) {
      cancelled.add(taskId);
      if (cancelled.size() > MAX_CANCELLED_KEPT) cancelled.remove(cancelled.iterator().next());
    }
    attempts.remove(taskId);
  }

  /** Records a result to send; ignores results of tasks already answered. */
  public void complete(ResultEnvelope result) {
    if (known.remove(result.taskId()) == null) {
      boolean printed = result.result().stdout() != null || result.result().stderr() != null;
      if (!cancelled.remove(result.taskId()) || !printed) return;
      // a cancelled task's answer: sent for what it printed (the service keeps only that)
    }
    attempts.remove(result.taskId());
    unacknowledged.put(result.taskId(), result);
    outbox.add(result);
  }

  /**
   * Results not yet sent on the current connection, up to {@code max}, {@link
   * org.funcx.core.wire.WireLimits#RESULT_BATCH_BYTES} and the printed output one message may
   * carry ({@link ResultBatches}); at least one.
   */
  public List<ResultEnvelope> takeOutbox(int max) {
    int n = ResultBatches.nextSize(outbox, 0, max);
    List<ResultEnvelope> batch = new ArrayList<>(outbox.subList(0, n));
    outbox.subList(0, n).clear();
    long now = System.currentTimeMillis();
    for (ResultEnvelope r : batch) {
      sentAt.remove(r.taskId());
      sentAt.put(r.taskId(), now);
    }
    return batch;
  }

  boolean hasOutbox() {
    return !outbox.isEmpty();
  }

  public void acknowledged(List<String> taskIds) {
    taskIds.forEach(unacknowledged::remove);
    taskIds.forEach(sentAt::remove);
  }

  /**
   * Results sent more than {@code ageMillis} ago and still not acknowledged (the service could not
   * store them, or the message was lost) go out again; the service ignores duplicates.
   */
  int resendOlderThan(long ageMillis) {
    long cutoff = System.currentTimeMillis() - ageMillis;
    int resent = 0;
    for (var e : List.copyOf(sentAt.entrySet())) {
      if (e.getValue() >= cutoff) break;
      ResultEnvelope r = unacknowledged.get(e.getKey());
      sentAt.remove(e.getKey());
      if (r == null) continue;
      outbox.add(r);
      resent++;
    }
    return resent;
  }

  /** After a reconnect: every unacknowledged result is sent again. */
  void resendUnacknowledged() {
    outbox.clear();
    outbox.addAll(unacknowledged.values());
  }

  /** True while the task waits for its answer (queued or on a manager). */
  boolean isKnown(String taskId) {
    return known.containsKey(taskId);
  }

  int queued() {
    return queue.size();
  }

  public int known() {
    return known.size();
  }
}
