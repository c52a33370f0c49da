package org.funcx.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.funcx.arrow.ArrowDecoder;
import org.funcx.arrow.ArrowTable;
import org.funcx.core.json.Json;

/**
 * The funcX REST API from Java: functions, endpoints, submission and task status. Thread-safe.
 * For running many calls and getting results as futures, use {@link #executor(String)}.
 */
public final class FuncXClient implements AutoCloseable {
  private final String baseUrl;
  private final HttpClient http;

  private FuncXClient(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A client of the service at {@code url}, e.g. {@code http://127.0.0.1:8765}. */
  public static FuncXClient connect(String url) {
    return new FuncXClient(url);
  }

  public String url() {
    return baseUrl;
  }

  public String version() {
    return call("GET", "/v2/version", null).getAsJsonObject().get("version").getAsString();
  }

  /** Registers Java source whose only method is the entry point. */
  public RegisteredFunction register(String source) {
    return register(source, null, null);
  }

  /** Registers Java source; {@code entryPoint} names the method to call when there are several. */
  public RegisteredFunction register(String source, String entryPoint, String name) {
    JsonObject body = new JsonObject();
    body.addProperty("function_code", source);
    if (entryPoint != null) body.addProperty("entry_point", entryPoint);
    if (name != null) body.addProperty("function_name", name);
    return function(call("POST", "/v2/functions", body).getAsJsonObject());
  }

  /** Registers without compiling at the service; compile errors then surface per task. */
  public RegisteredFunction registerUnchecked(String source, String entryPoint) {
    JsonObject body = new JsonObject();
    body.addProperty("function_code", source);
    body.addProperty("entry_point", entryPoint);
    body.addProperty("validate", false);
    return function(call("POST", "/v2/functions", body).getAsJsonObject());
  }

  public RegisteredFunction function(String functionId) {
    return function(call("GET", "/v2/functions/" + functionId, null).getAsJsonObject());
  }

  public void deleteFunction(String functionId) {
    call("DELETE", "/v2/functions/" + functionId, null);
  }

  /** Registers an endpoint by name, or confirms the one with {@code endpointId} (may be null). */
  public EndpointInfo registerEndpoint(String name, String endpointId) {
    JsonObject body = new JsonObject();
    body.addProperty("name", name);
    if (endpointId != null) body.addProperty("endpoint_id", endpointId);
    return endpoint(call("POST", "/v2/endpoints", body).getAsJsonObject());
  }

  public List<EndpointInfo> endpoints() {
    List<EndpointInfo> out = new ArrayList<>();
    for (JsonElement e : call("GET", "/v2/endpoints", null).getAsJsonObject()
        .getAsJsonArray("endpoints")) {
      out.add(endpoint(e.getAsJsonObject()));
    }
    return out;
  }

  public EndpointInfo endpoint(String endpointId) {
    return endpoint(call("GET", "/v2/endpoints/" + endpointId + "/status", null).getAsJsonObject());
  }

  public void deleteEndpoint(String endpointId) {
    call("DELETE", "/v2/endpoints/" + endpointId, null);
  }

  /** Submits one request body as {@code /v2/submit} takes it; see {@link Submission}. */
  public Submission submit(JsonObject request) {
    JsonObject answer = call("POST", "/v2/submit", request).getAsJsonObject();
    List<String> ids = new ArrayList<>();
    for (JsonElement e : answer.getAsJsonArray("task_ids")) ids.add(e.getAsString());
    return new Submission(answer.get("task_group_id").getAsString(), ids);
  }

  /**
   * Submits one call per input of a function on an endpoint, in one request. An input that is a
   * {@link List} is its call's argument list; any other input is the single argument.
   */
  public Submission submit(String functionId, String endpointId, List<?> inputs,
      TaskOptions options) {
    JsonArray argsList = new JsonArray(inputs.size());
    for (Object input : inputs) {
      argsList.add(Json.GSON.toJsonTree(input instanceof List<?> l ? l : List.of(input)));
    }
    JsonObject batch = new JsonObject();
    batch.addProperty("function_id", functionId);
    batch.addProperty("endpoint_id", endpointId);
    batch.add("args_list", argsList);
    if (options.cache()) batch.addProperty("cache", true);
    if (options.timeout() != null) {
      batch.addProperty("timeout_s", options.timeout().toMillis() / 1000.0);
    }
    JsonArray batches = new JsonArray();
    batches.add(batch);
    JsonObject request = new JsonObject();
    request.add("batches", batches);
    return submit(request);
  }

  public TaskStatus task(String taskId) {
    return TaskStatusJson.parse(call("GET", "/v2/tasks/" + taskId, null).getAsJsonObject());
  }

  /** Status of many tasks at once; ids the service does not know are absent from the map. */
  public Map<String, TaskStatus> batchStatus(Collection<String> taskIds) {
    Map<String, TaskStatus> out = new LinkedHashMap<>();
    List<String> ids = List.copyOf(taskIds);
    for (int from = 0; from < ids.size(); from += 10_000) {
      JsonArray chunk = new JsonArray();
      ids.subList(from, Math.min(ids.size(), from + 10_000)).forEach(chunk::add);
      JsonObject body = new JsonObject();
      body.add("task_ids", chunk);
      JsonObject results = call("POST", "/v2/batch_status", body).getAsJsonObject()
          .getAsJsonObject("results");
      for (var e : results.entrySet()) {
        out.put(e.getKey(), TaskStatusJson.parse(e.getValue().getAsJsonObject()));
      }
    }
    return out;
  }

  /**
   * A table result as an {@link ArrowTable}, streamed from the service and decoded batch by batch.
   * The caller owns the table and closes it to release its memory.
   */
  public ArrowTable resultTable(String taskId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/tasks/" + taskId
        + "/result")).timeout(Duration.ofMinutes(10)).GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() >= 400) {
          throw error(response.statusCode(), parse(new String(body.readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8)), "/v2/tasks/" + taskId + "/result");
        }
        return new ArrowDecoder(ClientMemory.ALLOCATOR).decode(body);
      }
    } catch (IOException e) {
      throw new FuncXException(0, "unreachable", "cannot fetch the result of task " + taskId
          + " from " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FuncXException(0, "interrupted", "interrupted fetching task " + taskId, e);
    }
  }

  /** Cancels a queued task; false when it is already running or finished. */
  public boolean cancel(String taskId) {
    try {
      call("POST", "/v2/tasks/" + taskId + "/cancel", new JsonObject());
      return true;
    } catch (FuncXException e) {
      if (e.status() == 409) return false;
      throw e;
    }
  }

  /** Futures for calls on one endpoint; close it to stop its result stream. */
  public FuncXExecutor executor(String endpointId) {
    return new FuncXExecutor(this, endpointId);
  }

  String webSocketUrl() {
    return baseUrl.replaceFirst("^http", "ws") + "/v2/ws";
  }

  HttpClient http() {
    return http;
  }

  JsonElement call(String method, String path, JsonElement body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FuncXException(0, "unreachable", "funcX service at " + baseUrl
          + " is unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FuncXException(0, "interrupted", "interrupted while calling " + path, e);
    }
    JsonElement answer = parse(response.body());
    if (response.statusCode() >= 400) throw error(response.statusCode(), answer, path);
    return answer;
  }

  private static JsonElement parse(String text) {
    try {
      return text.isEmpty() ? new JsonObject() : JsonParser.parseString(text);
    } catch (RuntimeException e) {
      JsonObject o = new JsonObject();
      o.addProperty("message", text);
      return o;
    }
  }

  private static FuncXException error(int status, JsonElement answer, String path) {
    String code = "http_" + status;
    String message = "request " + path + " failed with HTTP " + status;
    if (answer.isJsonObject()) {
      JsonObject o = answer.getAsJsonObject();
      if (o.has("code")) code = o.get("code").getAsString();
      if (o.has("message")) message = o.get("message").getAsString();
      if (o.has("details") && o.get("details").isJsonObject()
          && o.getAsJsonObject("details").has("diagnostics")) {
        message += "\n" + o.getAsJsonObject("details").get("diagnostics").getAsString();
      }
    }
    return new FuncXException(status, code, message);
  }

  private static RegisteredFunction function(JsonObject o) {
    return new RegisteredFunction(o.get("function_id").getAsString(), str(o, "function_name"),
        str(o, "entry_point"), str(o, "hash"), str(o, "signature"), str(o, "return_type"));
  }

  private static EndpointInfo endpoint(JsonObject o) {
    return new EndpointInfo(o.get("endpoint_id").getAsString(), str(o, "name"), str(o, "status"),
        num(o, "managers"), num(o, "workers"), num(o, "idle_workers"), num(o, "outstanding_tasks"),
        num(o, "queued_at_endpoint"), num(o, "running_at_endpoint"), str(o, "forwarder_address"));
  }

  private static String str(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static int num(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? 0 : e.getAsInt();
  }

  @Override
  public void close() {
    // java.net.http.HttpClient in Java 17 has no close; its threads are daemons.
  }
}
