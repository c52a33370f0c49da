package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.funcx.core.wire.HopTrace;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.auth.Principal;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes finished tasks to WebSocket clients ({@code /v2/ws}). A client sends
 * {@code {"subscribe_group": ID}} or {@code {"subscribe_tasks": [IDs]}}; it first gets what is
 * already finished, then each result as it arrives, batched as {@code {"results": [task, ...]}}.
 * Each connection gets each task at most once, even when a result lands while it subscribes.
 * The connection is authenticated at the upgrade; it sees only its user's tasks.
 *
 * <p>Sends run on one named thread so the forwarder never waits for a slow socket.
 */
public final class ResultPushHub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResultPushHub.class);
  private final Map<String, Set<WsContext>> byGroup = new ConcurrentHashMap<>();
  private final Map<String, Set<WsContext>> byTask = new ConcurrentHashMap<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "funcx-result-push"));
  private final TaskStorage store;
  private final LiveTaskStates live;

  /** Task ids already sent per connection; touched by the sender thread only. */
  private final Map<WsContext, Set<String>> delivered = new HashMap<>();

  public ResultPushHub(TaskStorage store, LiveTaskStates live) {
    this.store = store;
    this.live = live;
  }

  void configure(WsConfig ws) {
    ws.onMessage(ctx -> subscribe(ctx, ctx.message()));
    ws.onClose(ctx -> unsubscribe(ctx));
    ws.onError(ctx -> unsubscribe(ctx));
  }

  /** Called by the forwarder thread after results are durable. */
  public void publish(List<TaskRecord> finished) {
    if (byGroup.isEmpty() && byTask.isEmpty()) return;
    sender.execute(() -> deliver(finished));
  }

  private void deliver(List<TaskRecord> finished) {
    Map<WsContext, List<TaskRecord>> outbox = new HashMap<>();
    for (TaskRecord r : finished) {
      for (WsContext c : byGroup.getOrDefault(r.groupId(), Set.of())) {
        outbox.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
      }
      Set<WsContext> taskSubscribers = byTask.remove(r.taskId());
      if (taskSubscribers != null) {
        for (WsContext c : taskSubscribers)
          outbox.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
      }
    }
    outbox.forEach(this::send);
  }

  private void subscribe(WsContext ctx, String message) {
    JsonObject request;
    try {
      JsonElement parsed = JsonParser.parseString(message);
      request = parsed.getAsJsonObject();
    } catch (RuntimeException e) {
      ctx.send(
          Map.of("error", "expected {\"subscribe_group\": id} or {\"subscribe_tasks\": [ids]}"));
      return;
    }
    // Only the submitter's own tasks: others' groups and tasks are ignored as if unknown.
    String subject = subject(ctx);
    List<String> ids = new ArrayList<>();
    if (request.has("subscribe_group")) {
      String group = request.get("subscribe_group").getAsString();
      if (subject.equals(store.groupOwner(group))) {
        byGroup.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(ctx);
        List<String> members = store.group(group);
        if (members != null) ids.addAll(members);
      }
    }
    if (request.has("subscribe_tasks") && request.get("subscribe_tasks").isJsonArray()) {
      for (JsonElement e : request.getAsJsonArray("subscribe_tasks")) {
        String id = e.getAsString();
        TaskRecord r = store.get(id);
        if (r == null || !subject.equals(store.groupOwner(r.groupId()))) continue;
        byTask.computeIfAbsent(id, t -> ConcurrentHashMap.newKeySet()).add(ctx);
        ids.add(id);
      }
    }
    sender.execute(() -> sendFinished(ctx, ids));
  }

  private static String subject(WsContext ctx) {
    Principal p = ctx.attribute(AuthGate.PRINCIPAL);
    if (p == null) throw new IllegalStateException("WebSocket opened without authentication");
    return p.subject();
  }

  /** The catch-up after subscribing: everything of interest that is already finished. */
  private void sendFinished(WsContext ctx, List<String> ids) {
    List<TaskRecord> done = new ArrayList<>();
    for (String id : ids) {
      if (live.get(id) != null) continue; // unfinished: its result will be pushed when it lands
      TaskRecord r = store.get(id);
      if (r != null && r.state().isTerminal()) done.add(r);
      if (done.size() == 10_000) {
        send(ctx, done);
        done = new ArrayList<>();
      }
    }
    if (!done.isEmpty()) send(ctx, done);
  }

  private void send(WsContext ctx, List<TaskRecord> candidates) {
    if (!ctx.session.isOpen()) {
      unsubscribe(ctx);
      return;
    }
    Set<String> sent = delivered.computeIfAbsent(ctx, c -> new java.util.HashSet<>());
    List<TaskRecord> records = candidates.stream().filter(r -> sent.add(r.taskId())).toList();
    if (records.isEmpty()) return;
    String json =
        TaskJson.document(
            out -> {
              out.beginObject().name("results").beginArray();
              for (TaskRecord r : records) TaskJson.write(out, r, r.state());
              out.endArray().endObject();
            });
    try {
      ctx.send(json);
      if (HopTrace.on()) records.forEach(r -> HopTrace.mark("11-pushed", r.taskId()));
    } catch (RuntimeException e) {
      log.debug("dropping a WebSocket subscriber: {}", e.toString());
      unsubscribe(ctx);
    }
  }

  private void unsubscribe(WsContext ctx) {
    if (!sender.isShutdown()) sender.execute(() -> delivered.remove(ctx));
    byGroup.values().forEach(s -> s.remove(ctx));
    byTask.values().forEach(s -> s.remove(ctx));
    byGroup.values().removeIf(Set::isEmpty);
    byTask.values().removeIf(Set::isEmpty);
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
