package org.funcx.endpoint.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.HopTrace;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Liveness;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered managers and the tasks each holds: fair dispatch, prefetch, answers, hand-backs,
 * cancels and the loss of a manager. It owns no socket: what goes to a manager leaves through an
 * {@link Outlet}, so these rules run in-process in tests (ManagerTableTest). The {@link
 * Interchange} owns the sockets and the admission of managers. Interchange thread only.
 */
final class ManagerTable {
  private static final Logger log = LoggerFactory.getLogger(ManagerTable.class);

  /** How a message to a manager fared. */
  enum Delivery {
    SENT,
    QUEUE_FULL,
    GONE
  }

  /** Where messages to managers go: the interchange's ROUTER socket. */
  interface Outlet {
    Delivery send(byte[] route, WireMessage message);
  }

  private final TaskBook book;
  private final ManagerSecrets secrets;
  private final ManagerLinkCounters counters;
  private final int maxRetries;
  private final Outlet outlet;
  private final Map<ManagerGate.Identity, ManagerSlot> slots = new HashMap<>();

  /**
   * Managers given up on (missed heartbeats) whose block still runs: one may come back, and its
   * answers to the tasks it held still count.
   */
  private final Map<ManagerGate.Identity, ManagerSlot> lostSlots = new HashMap<>();

  private final List<String> dispatched = new ArrayList<>();

  /** Output of running tasks to forward with the next pass; bounded, best effort (see below). */
  private final List<Messages.OutputChunk> liveOutput = new ArrayList<>();

  private int dispatchRound;

  ManagerTable(
      TaskBook book,
      ManagerSecrets secrets,
      ManagerLinkCounters counters,
      int maxRetries,
      Outlet outlet) {
    this.book = book;
    this.secrets = secrets;
    this.counters = counters;
    this.maxRetries = maxRetries;
    this.outlet = outlet;
  }

  /** A manager the gate admitted: a new slot, or the one it already has (kept with its tasks). */
  void registered(
      ManagerGate.Identity identity, byte[] route, Messages.RegisterManager info, long now) {
    ManagerSlot known = slots.get(identity);
    if (known != null) { // registered twice, or from a new connection: keep what it holds
      known.routingId = route;
      known.lastSeenMillis = now;
      return;
    }
    ManagerSlot slot = new ManagerSlot(identity, route, info, now);
    ManagerSlot lost = lostSlots.remove(identity);
    if (lost != null) slot.mayStillAnswer.addAll(lost.mayStillAnswer);
    slots.put(identity, slot);
    counters.registrations.incrementAndGet();
    log.info(
        "manager {} (block {}, pid {}, {} workers) connected",
        info.managerId(),
        info.blockId(),
        info.pid(),
        info.workers());
  }

  /**
   * A message from a registered connection whose block is live. A manager given up on that speaks
   * again is told to register again (its answers to the tasks it held still count: they were
   * requeued, and the first answer wins).
   */
  void fromManager(ManagerGate.Identity identity, byte[] route, WireMessage message, long now) {
    ManagerSlot slot = slots.get(identity);
    if (slot == null) {
      ManagerSlot lost = lostSlots.get(identity);
      if (lost != null && message.type() == MessageType.RESULTS) takeResults(lost, message);
      reply(route, new WireMessage(MessageType.RECONNECT, new Messages.Empty()));
      return;
    }
    slot.routingId = route;
    slot.lastSeenMillis = now;
    switch (message.type()) {
      case HEARTBEAT -> slot.load = message.body(Messages.Heartbeat.class);
      case TASKS -> handedBack(slot, message.body(Messages.Tasks.class).tasks());
      case RESULTS -> {
        slot.adaptPrefetch(message.body(Messages.Results.class).meanTaskMicros());
        takeResults(slot, message);
      }
      case OUTPUT -> keepLiveOutput(slot, message.body(Messages.LiveOutput.class));
      default -> log.warn("unexpected {} from manager {}", message.type(), slot.info.managerId());
    }
  }

  /**
   * Completes the tasks a manager answered. An answer counts only for a task dispatched to that
   * manager: one for a task another manager holds (or that is queued) is dropped and logged; one
   * for a task this endpoint no longer knows (cancelled, already answered) is ignored as before.
   */
  private void takeResults(ManagerSlot slot, WireMessage message) {
    int foreign = 0;
    String example = null;
    for (ResultEnvelope r : ResultEnvelope.unpack(message)) {
      String taskId = r.taskId();
      if (slot.inflight.remove(taskId)
          || slot.mayStillAnswer.remove(taskId)
          || slot.cancelledHere.remove(taskId)) {
        HopTrace.mark("7-interchange-got-result", taskId);
        book.complete(r);
      } else if (book.isKnown(taskId)) {
        foreign++;
        if (example == null) example = taskId;
      }
    }
    if (foreign == 0) return;
    counters.foreignResults.addAndGet(foreign);
    log.warn(
        "dropped {} result(s) from manager {} (block {}) for tasks not dispatched to it,"
            + " e.g. task {}",
        foreign,
        slot.info.managerId(),
        slot.identity.blockId(),
        example);
  }

  /**
   * A manager that is restarting itself hands back the tasks it has not started: they go to the
   * head of the queue (no retry counted, they never ran) and the manager gets no more.
   */
  private void handedBack(ManagerSlot slot, List<TaskSpec> tasks) {
    slot.draining = true;
    for (int i = tasks.size() - 1; i >= 0; i--) {
      String id = tasks.get(i).taskId();
      if (slot.inflight.remove(id)) book.requeue(id);
    }
    log.info(
        "manager {} is restarting; {} tasks it had not started are queued again",
        slot.info.managerId(),
        tasks.size());
  }

  /**
   * Keeps output of tasks this manager holds, for the service. Live output is a courtesy to
   * followers (the final output travels with the result): beyond a few messages' worth waiting
   * for a link that is down, more is dropped, and followers see the gap.
   */
  private void keepLiveOutput(ManagerSlot slot, Messages.LiveOutput output) {
    if (output.chunks() == null) return;
    for (Messages.OutputChunk chunk : output.chunks()) {
      if (liveOutput.size() >= 4 * LiveOutputLimits.CHUNKS_PER_MESSAGE) return;
      if (chunk != null && slot.inflight.contains(chunk.taskId())) liveOutput.add(chunk);
    }
  }

  /**
   * The service has already recorded these tasks as cancelled: forget them here, and tell the
   * managers running them to stop them (their answers are ignored but for what they printed).
   */
  void cancel(List<String> taskIds) {
    Map<ManagerSlot, List<String>> byManager = new HashMap<>();
    for (String id : taskIds) {
      book.cancel(id);
      for (ManagerSlot slot : slots.values()) {
        if (slot.inflight.remove(id)) {
          slot.cancelledHere.add(id); // its answer still brings what it printed
          byManager.computeIfAbsent(slot, s -> new ArrayList<>()).add(id);
        }
      }
    }
    byManager.forEach(
        (slot, ids) ->
            sendToManager(slot, new WireMessage(MessageType.CANCEL, new Messages.TaskIds(ids))));
    log.info(
        "{} task(s) cancelled by the service, {} of them on managers",
        taskIds.size(),
        byManager.values().stream().mapToInt(List::size).sum());
  }

  /** The provider ended a block: its managers are lost, and none of them may come back. */
  void blockEnded(String blockId, String reason) {
    slots.values().stream()
        .filter(s -> s.identity.blockId().equals(blockId))
        .toList()
        .forEach(s -> managerLost(s, "its block " + blockId + " ended: " + reason));
    // After the losses: a block whose secret was not yet withdrawn would keep them as lost slots.
    lostSlots.values().removeIf(s -> s.identity.blockId().equals(blockId));
  }

  /**
   * Hands queued tasks to managers with free slots, each at most its fair share of the queue per
   * pass (so a thousand managers all get work, not the first few up to their prefetch), starting
   * with a different manager every pass.
   */
  void dispatch() {
    giveUpWithdrawnSecrets();
    List<ManagerSlot> open = new ArrayList<>();
    for (ManagerSlot slot : slots.values()) if (slot.free() > 0) open.add(slot);
    if (open.isEmpty() || book.queued() == 0) return;
    int share = Math.max(1, (book.queued() + open.size() - 1) / open.size());
    int first = Math.floorMod(dispatchRound++, open.size());
    for (int i = 0; i < open.size(); i++) {
      ManagerSlot slot = open.get((first + i) % open.size());
      if (!dispatchTo(slot, Math.min(slot.free(), share))) return;
    }
  }

  /**
   * A manager whose block's secret was withdrawn (the block ended) gets no more tasks and its
   * tasks are requeued at once, before the provider's event arrives: waiting for it to miss its
   * heartbeats let tasks go to a connection that no longer counts (and may be gone).
   */
  private void giveUpWithdrawnSecrets() {
    List<ManagerSlot> withdrawn = null;
    for (ManagerSlot slot : slots.values()) {
      if (!secrets.isLive(slot.identity.blockId())) {
        if (withdrawn == null) withdrawn = new ArrayList<>();
        withdrawn.add(slot);
      }
    }
    if (withdrawn != null)
      withdrawn.forEach(s -> managerLost(s, "its block's secret was withdrawn"));
  }

  /** Sends up to {@code max} tasks to one manager; false when the queue ran dry. */
  private boolean dispatchTo(ManagerSlot slot, int max) {
    List<TaskSpec> batch = new ArrayList<>(Math.min(max, 1024));
    Map<String, FunctionSpec> functions = new HashMap<>();
    TaskSpec task;
    while (batch.size() < max && (task = book.poll()) != null) {
      batch.add(task);
      if (!slot.knownFunctions.contains(task.functionHash())) {
        functions.put(task.functionHash(), book.function(task.functionHash()));
      }
    }
    if (batch.isEmpty()) return false;
    if (!sendToManager(
        slot, new WireMessage(MessageType.TASKS, new Messages.Tasks(functions, batch)))) {
      // The manager's queue is full or it is gone: the tasks were never handed over.
      for (int i = batch.size() - 1; i >= 0; i--) book.requeue(batch.get(i).taskId());
      return false;
    }
    slot.knownFunctions.addAll(functions.keySet());
    for (TaskSpec t : batch) {
      slot.inflight.add(t.taskId());
      dispatched.add(t.taskId());
    }
    if (HopTrace.on()) batch.forEach(t -> HopTrace.mark("4-interchange-dispatched", t.taskId()));
    return batch.size() == max;
  }

  /** Heartbeats every manager; one silent for {@link Liveness#MANAGER_LINK_BEATS} beats is lost. */
  void heartbeat(long now, long heartbeatMillis) {
    for (ManagerSlot slot : List.copyOf(slots.values())) {
      if (now - slot.lastSeenMillis > Liveness.MANAGER_LINK_BEATS * heartbeatMillis) {
        managerLost(slot, "it missed " + Liveness.MANAGER_LINK_BEATS + " heartbeats");
      } else {
        sendToManager(slot, new WireMessage(MessageType.HEARTBEAT, Messages.Heartbeat.EMPTY));
      }
    }
  }

  /** Requeues a lost manager's tasks within the retry budget; the rest fail as worker-lost. */
  private void managerLost(ManagerSlot slot, String why) {
    slots.remove(slot.identity);
    counters.lostManagers.incrementAndGet();
    int retried = 0;
    for (String taskId : slot.inflight) {
      if (book.retry(taskId, maxRetries)) {
        retried++;
      } else {
        book.complete(
            ResultEnvelope.json(
                TaskResult.failure(
                    taskId,
                    TaskError.of(
                        ErrorKind.WORKER_LOST,
                        "manager "
                            + slot.info.managerId()
                            + " (block "
                            + slot.info.blockId()
                            + ", host "
                            + slot.info.host()
                            + ", pid "
                            + slot.info.pid()
                            + ") was lost: "
                            + why
                            + "; retries used up ("
                            + maxRetries
                            + ")"))));
      }
    }
    log.warn(
        "manager {} lost ({}); {} tasks requeued, {} failed",
        slot.info.managerId(),
        why,
        retried,
        slot.inflight.size() - retried);
    if (secrets.isLive(slot.identity.blockId())) { // its block runs: it may come back
      slot.mayStillAnswer.addAll(slot.inflight);
      slot.inflight.clear();
      lostSlots.put(slot.identity, slot);
    }
  }

  /** Sends to a manager; false when it was not sent (queue full, or the manager is gone). */
  private boolean sendToManager(ManagerSlot slot, WireMessage message) {
    Delivery delivery = outlet.send(slot.routingId, message);
    if (delivery == Delivery.GONE && slots.get(slot.identity) == slot) {
      managerLost(slot, "it is unreachable");
    }
    return delivery == Delivery.SENT;
  }

  /** Answers a connection that may have no slot; a connection gone meanwhile needs no answer. */
  private void reply(byte[] route, WireMessage message) {
    outlet.send(route, message);
  }

  /** Tasks handed to managers since the last call, for the service's TASKS_RUNNING. */
  List<String> takeDispatched() {
    List<String> taken = List.copyOf(dispatched);
    dispatched.clear();
    return taken;
  }

  /** Live output kept since the last call. */
  List<Messages.OutputChunk> takeLiveOutput() {
    List<Messages.OutputChunk> taken = List.copyOf(liveOutput);
    liveOutput.clear();
    return taken;
  }

  /** The scaler's view: tasks not on a manager, idle worker slots, each block's last busy time. */
  LoadSnapshot loadSnapshot(long now) {
    Map<String, Long> lastBusy = new HashMap<>();
    int inflight = 0;
    int idle = 0;
    for (ManagerSlot s : slots.values()) {
      if (!s.inflight.isEmpty()) s.lastBusyMillis = now;
      lastBusy.merge(s.info.blockId(), s.lastBusyMillis, Math::max);
      inflight += s.inflight.size();
      idle += Math.max(0, s.info.workers() - s.inflight.size());
    }
    return new LoadSnapshot(Math.max(0, book.known() - inflight), idle, Map.copyOf(lastBusy));
  }

  /** The figures of the endpoint's heartbeat to the service. */
  Messages.Heartbeat heartbeatFigures(String problem, BlockCounts counts) {
    int workers = 0;
    int running = 0;
    int idle = 0;
    for (ManagerSlot s : slots.values()) {
      workers += s.info.workers();
      running += s.inflight.size();
      idle += s.load.idleWorkers();
    }
    return new Messages.Heartbeat(
        slots.size(),
        workers,
        idle,
        book.known() - running,
        running,
        problem,
        counts.active(),
        counts.pending(),
        counts.reports());
  }
}
