package org.funcx.client;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.funcx.core.model.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes futures as results arrive: pushed over the service's WebSocket, with polling of
 * {@code batch_status} as the safety net whenever the socket is down or quiet. A thread
 * ({@code funcx-client-results}) keeps the socket connected and does the polling.
 */
final class ResultStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResultStream.class);

  /** With a live socket, poll only after this long without any push (a safety net, not a path). */
  private static final long POLL_WHEN_QUIET_MILLIS = 10_000;

  private record Pending(CompletableFuture<Object> future, String returnType) {}

  private final FuncXClient client;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Set<String> groups = ConcurrentHashMap.newKeySet();
  private final Thread thread;

  /** Fetches table results, off the WebSocket's thread. */
  private final java.util.concurrent.ExecutorService fetcher =
      java.util.concurrent.Executors.newFixedThreadPool(
          8,
          r -> {
            Thread t = new Thread(r, "funcx-client-fetch");
            t.setDaemon(true);
            return t;
          });

  private volatile WebSocket socket;
  private volatile long lastActivityMillis = System.currentTimeMillis();
  private volatile boolean open = true;

  ResultStream(FuncXClient client) {
    this.client = client;
    this.thread = new Thread(this::keepUp, "funcx-client-results");
    thread.setDaemon(true);
    thread.start();
  }

  /** Registers futures before anything can complete them, then subscribes to their group. */
  void expect(
      String groupId,
      List<String> taskIds,
      List<CompletableFuture<Object>> futures,
      String returnType) {
    for (int i = 0; i < taskIds.size(); i++) {
      pending.put(taskIds.get(i), new Pending(futures.get(i), returnType));
    }
    groups.add(groupId);
    lastActivityMillis = System.currentTimeMillis();
    WebSocket ws = socket;
    if (ws != null) subscribe(ws, groupId);
  }

  int pendingCount() {
    return pending.size();
  }

  private void keepUp() {
    while (open) {
      try {
        if (!pending.isEmpty()) {
          if (socket == null) connect();
          if (socket == null
              || System.currentTimeMillis() - lastActivityMillis > POLL_WHEN_QUIET_MILLIS) {
            poll();
          }
        }
        TimeUnit.MILLISECONDS.sleep(socket == null ? 250 : 500);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.debug("result stream: {}", e.toString());
      }
    }
  }

  private void connect() {
    try {
      WebSocket.Builder builder =
          client.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
      String token = client.accessToken();
      if (token != null) builder.header("Authorization", "Bearer " + token);
      WebSocket ws =
          builder
              .buildAsync(URI.create(client.webSocketUrl()), new Listener())
              .get(10, TimeUnit.SECONDS);
      socket = ws;
      groups.removeIf(g -> pending.values().isEmpty());
      for (String g : groups) subscribe(ws, g);
    } catch (Exception e) {
      log.debug("WebSocket to {} not available: {}", client.webSocketUrl(), e.toString());
    }
  }

  private void subscribe(WebSocket ws, String groupId) {
    JsonObject request = new JsonObject();
    request.addProperty("subscribe_group", groupId);
    synchronized (ws) {
      ws.sendText(request.toString(), true).join();
    }
  }

  private void poll() {
    var statuses = client.batchStatus(List.copyOf(pending.keySet()));
    statuses.values().forEach(this::complete);
    lastActivityMillis = System.currentTimeMillis();
  }

  void complete(TaskStatus status) {
    if (!status.state().isTerminal()) return;
    Pending p = pending.remove(status.taskId());
    if (p == null) return;
    if (p.future() instanceof TaskFuture task) task.finished(status);
    if (status.state() == TaskState.SUCCESS && status.resultFormat() != null) {
      fetcher.execute(
          () -> {
            try {
              p.future().complete(client.resultTable(status.taskId()));
            } catch (RuntimeException e) {
              p.future().completeExceptionally(e);
            }
          });
    } else if (status.state() == TaskState.SUCCESS) {
      p.future().complete(ResultDecoder.decode(status.result(), p.returnType()));
    } else {
      p.future().completeExceptionally(new TaskFailedException(status.taskId(), status.error()));
    }
  }

  /** Completes the futures of a {@code {"results": [task, ...]}} push, read as a stream. */
  private void readPush(String message) throws IOException {
    try (JsonReader in = new JsonReader(new StringReader(message))) {
      in.beginObject();
      while (in.hasNext()) {
        if (!in.nextName().equals("results")) {
          in.skipValue();
          continue;
        }
        in.beginArray();
        while (in.hasNext()) complete(TaskStatusJson.read(in));
        in.endArray();
      }
      in.endObject();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        lastActivityMillis = System.currentTimeMillis();
        try {
          readPush(message);
        } catch (IOException | RuntimeException e) {
          log.warn("dropped a WebSocket message the client cannot read: {}", e.toString());
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      if (socket == ws) socket = null;
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      if (socket == ws) socket = null;
    }
  }

  @Override
  public void close() {
    open = false;
    thread.interrupt();
    fetcher.shutdownNow();
    WebSocket ws = socket;
    if (ws != null) ws.abort();
    var closed = new FuncXException(0, "closed", "the executor was closed before the result came");
    pending.values().forEach(p -> p.future().completeExceptionally(closed));
    pending.clear();
  }
}
