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
import org.funcx.client.auth.AuthDiscovery;
import org.funcx.client.auth.Credentials;
import org.funcx.client.auth.DeviceLogin;
import org.funcx.client.auth.StoredCredentials;
import org.funcx.client.auth.TokenStore;
import org.funcx.client.tls.ServerTrust;
import org.funcx.core.json.Json;

/**
 * The funcX REST API from Java: functions, endpoints, submission and task status. Thread-safe.
 * For running many calls and getting results as futures, use {@link #executor(String)}.
 */
public final class FuncXClient implements AutoCloseable {
  /** Attempts of a request the service refuses for momentary load (429), about 3.5 s of pauses. */
  static final int BUSY_RETRIES = 8;
  private final String baseUrl;
  private final HttpClient http;
  private final Credentials credentials;
  /** The same trust for token requests to the service's issuer (Nimbus uses sockets). */
  private final javax.net.ssl.SSLSocketFactory tlsSockets;

  private FuncXClient(String baseUrl, ServerTrust trust,
      java.util.function.Function<FuncXClient, Credentials> credentials) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5));
    // plain http:// URLs never build a TLS context (nor read the trusted files)
    javax.net.ssl.SSLContext tls = this.baseUrl.startsWith("https:") ? trust.sslContext() : null;
    if (tls != null) builder.sslContext(tls);
    this.http = builder.build();
    this.tlsSockets = tls == null ? null : tls.getSocketFactory();
    this.credentials = credentials.apply(this);
  }

  /**
   * A client of the service at {@code url}, e.g. {@code http://127.0.0.1:8765}, signed in with
   * {@code FUNCX_TOKEN} when set, else with what the user's state directory holds for that URL
   * (a login's tokens, or client credentials); see {@link TokenStore#userDefault()}.
   */
  public static FuncXClient connect(String url) {
    String token = System.getenv("FUNCX_TOKEN");
    if (token != null && !token.isBlank()) return connect(url, Credentials.token(token.trim()));
    return connect(url, TokenStore.userDefault());
  }

  /** A client signed in with what {@code store} holds for the service. */
  public static FuncXClient connect(String url, TokenStore store) {
    return connect(url, store, ServerTrust.userDefault());
  }

  /**
   * As above, trusting {@code trust} for an https URL (by default the JDK's CAs,
   * {@code FUNCX_CA_FILE} and the funcX home's own service certificate).
   */
  public static FuncXClient connect(String url, TokenStore store, ServerTrust trust) {
    String base = url.replaceAll("/+$", "");
    return new FuncXClient(base, trust, c -> new StoredCredentials(base, store, c::authDiscovery,
        c.tlsSockets));
  }

  /** A client with its own source of tokens. */
  public static FuncXClient connect(String url, Credentials credentials) {
    return connect(url, credentials, ServerTrust.userDefault());
  }

  /** A client with its own source of tokens, trusting {@code trust} for an https URL. */
  public static FuncXClient connect(String url, Credentials credentials, ServerTrust trust) {
    return new FuncXClient(url, trust, c -> credentials);
  }

  /** Where the service says tokens come from ({@code /v2/version}, which needs no token). */
  public AuthDiscovery authDiscovery() {
    return AuthDiscovery.parse(call("GET", "/v2/version", null).getAsJsonObject());
  }

  /** Starts a device-flow login; show the user its link and code, then {@code await} it. */
  public DeviceLogin.Pending startLogin() {
    if (!(credentials instanceof StoredCredentials stored)) {
      throw new FuncXException(0, "fixed_token", "this client uses a fixed token; log in with a"
          + " client made by FuncXClient.connect(url) or connect(url, store)");
    }
    return DeviceLogin.start(stored);
  }

  /** Forgets the tokens of the last login to this service. */
  public void logout() {
    if (credentials instanceof StoredCredentials stored) stored.store().saveTokens(baseUrl, null);
  }

  /** Creates a user of the embedded issuer (needs the admin scope); answers the new user. */
  public JsonObject createUser(JsonObject user) {
    return call("POST", "/v2/users", user).getAsJsonObject();
  }

  /**
   * Creates client credentials acting as the signed-in user with {@code scopes} (a subset of the
   * user's), for automation; the answer holds {@code client_id} and {@code client_secret}, shown once.
   */
  public JsonObject createClient(String name, List<String> scopes) {
    JsonObject body = new JsonObject();
    body.addProperty("name", name);
    JsonArray s = new JsonArray();
    scopes.forEach(s::add);
    body.add("scopes", s);
    return call("POST", "/v2/clients", body).getAsJsonObject();
  }

  public void deleteClient(String clientId) {
    call("DELETE", "/v2/clients/" + clientId, null);
  }

  /** Who the service takes this client for: subject, username, scopes, groups. */
  public JsonObject whoami() {
    return call("GET", "/v2/whoami", null).getAsJsonObject();
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
    return register(source, entryPoint, name, List.of());
  }

  /**
   * Registers Java source that uses libraries: {@code dependencies} are Maven coordinates
   * ({@code group:artifact:version}), added to those of the source's {@code //DEPS} lines. The
   * service resolves them and compiles against them; a set it cannot resolve is a
   * {@code dependency_error} naming the coordinate and the repositories tried.
   */
  public RegisteredFunction register(String source, String entryPoint, String name,
      List<String> dependencies) {
    JsonObject body = new JsonObject();
    body.addProperty("function_code", source);
    if (entryPoint != null) body.addProperty("entry_point", entryPoint);
    if (name != null) body.addProperty("function_name", name);
    if (dependencies != null && !dependencies.isEmpty()) {
      JsonArray deps = new JsonArray();
      dependencies.forEach(deps::add);
      body.add("dependencies", deps);
    }
    return function(call("POST", "/v2/functions", body).getAsJsonObject());
  }

  /**
   * Registers a shell function: {@code template} is a command with {@code {name}} placeholders
   * ({@code {{}/{@code }}} for literal braces), filled per task from a map of arguments
   * ({@code executor.submit(f, Map.of("word", "x"))}); values never reach the shell as code.
   * The task's result is a {@link ShellResult}'s JSON object. {@code name} may be null.
   */
  public RegisteredFunction registerShell(String name, String template) {
    JsonObject body = new JsonObject();
    body.addProperty("kind", "shell");
    body.addProperty("function_code", template);
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

  /**
   * Registers (or, with {@code endpointId}, re-registers) an endpoint whose agent connects with
   * the CURVE public key {@code curvePublicKey}; {@code allowedFunctions} empty for any function.
   */
  public EndpointRegistration registerEndpoint(String name, String endpointId, String curvePublicKey,
      List<String> allowedFunctions) {
    JsonObject body = new JsonObject();
    body.addProperty("name", name);
    if (endpointId != null) body.addProperty("endpoint_id", endpointId);
    if (curvePublicKey != null) body.addProperty("curve_public_key", curvePublicKey);
    JsonArray allowed = new JsonArray();
    allowedFunctions.forEach(allowed::add);
    body.add("allowed_functions", allowed);
    JsonObject o = call("POST", "/v2/endpoints", body).getAsJsonObject();
    List<String> allowedBack = new ArrayList<>();
    if (o.has("allowed_functions")) {
      o.getAsJsonArray("allowed_functions").forEach(e -> allowedBack.add(e.getAsString()));
    }
    return new EndpointRegistration(endpoint(o), str(o, "forwarder_public_key"), str(o, "client_id"),
        str(o, "client_secret"), allowedBack);
  }

  /** Shares a function or endpoint ({@code kind}: "functions" or "endpoints") publicly or with groups. */
  public void share(String kind, String id, boolean isPublic, List<String> groups) {
    JsonObject body = new JsonObject();
    body.addProperty("public", isPublic);
    JsonArray g = new JsonArray();
    groups.forEach(g::add);
    body.add("groups", g);
    call("PUT", "/v2/" + kind + "/" + id + "/sharing", body);
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

  /** The endpoint with the forwarder's address and CURVE key, as its agent needs them. */
  public EndpointInfo endpointDetails(String endpointId) {
    return endpoint(call("GET", "/v2/endpoints/" + endpointId, null).getAsJsonObject());
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
    if (options.resources() != null) {
      batch.add("resource_specification", Json.GSON.toJsonTree(options.resources()));
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

  /**
   * What a task printed after byte {@code stdoutOffset} of its stdout and {@code stderrOffset} of
   * its stderr: while it runs, what it printed so far; once it ended, the rest.
   */
  public TaskOutput output(String taskId, long stdoutOffset, long stderrOffset) {
    return TaskOutput.parse(call("GET", "/v2/tasks/" + taskId + "/output?stdout_offset="
        + stdoutOffset + "&stderr_offset=" + stderrOffset, null).getAsJsonObject());
  }

  /**
   * Delivers what a task prints, as it prints it, until it ends, then the rest: every byte once.
   * Blocks the calling thread; returns the last answer (its {@code status} is the final state).
   */
  public TaskOutput followOutput(String taskId, OutputListener listener)
      throws InterruptedException {
    return OutputFollower.follow(this, taskId, listener);
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
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/tasks/" + taskId
        + "/result")).timeout(Duration.ofMinutes(10)).GET();
    authorize(request);
    try {
      HttpResponse<InputStream> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() >= 400) {
          throw error(response.statusCode(), parse(new String(body.readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8)), "/v2/tasks/" + taskId + "/result");
        }
        return new ArrowDecoder(ClientMemory.ALLOCATOR).decode(body);
      }
    } catch (IOException e) {
      throw ServerTrust.explain(baseUrl, "cannot fetch the result of task " + taskId + " from "
          + baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FuncXException(0, "interrupted", "interrupted fetching task " + taskId, e);
    }
  }

  /**
   * Cancels a task, queued or running (the endpoint stops it and frees its worker); it ends
   * {@code cancelled}. False when it had already finished.
   */
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

  /** Adds the bearer token, if there is one. */
  void authorize(HttpRequest.Builder request) {
    String token = credentials.accessToken();
    if (token != null) request.setHeader("Authorization", "Bearer " + token);
  }

  /** The bearer token for a WebSocket upgrade, or null. */
  String accessToken() {
    return credentials.accessToken();
  }

  /**
   * Calls the API; a 401 drops the cached token and retries once with a fresh one. A 429 for
   * momentary load (too many requests at once from this address, or per second) is retried after
   * a growing pause: the service refused it before doing anything, so the retry is safe. A
   * quota or sign-in 429 is the caller's to handle.
   */
  JsonElement call(String method, String path, JsonElement body) {
    long pauseMillis = 50;
    for (int attempt = 1; ; attempt++) {
      try {
        return callAuthorized(method, path, body);
      } catch (FuncXException e) {
        boolean momentary = e.status() == 429 && ("too_many_concurrent_requests".equals(e.code())
            || "rate_limited".equals(e.code()));
        if (!momentary || attempt == BUSY_RETRIES) throw e;
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FuncXException(0, "interrupted", "interrupted while calling " + path, e);
      }
      pauseMillis = Math.min(1_000, pauseMillis * 2);
    }
  }

  private JsonElement callAuthorized(String method, String path, JsonElement body) {
    try {
      return callOnce(method, path, body);
    } catch (FuncXException e) {
      if (e.status() != 401 || path.equals("/v2/version")) throw e;
      credentials.rejected();
      return callOnce(method, path, body);
    }
  }

  private JsonElement callOnce(String method, String path, JsonElement body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body)));
    }
    if (!path.equals("/v2/version")) authorize(request);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ServerTrust.explain(baseUrl, "funcX service at " + baseUrl + " is unreachable", e);
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
    List<String> deps = new ArrayList<>();
    if (o.has("dependencies")) o.getAsJsonArray("dependencies").forEach(d -> deps.add(d.getAsString()));
    return new RegisteredFunction(o.get("function_id").getAsString(), str(o, "function_name"),
        str(o, "entry_point"), str(o, "hash"), str(o, "signature"), str(o, "return_type"),
        o.has("kind") ? str(o, "kind") : "java", deps);
  }

  private static EndpointInfo endpoint(JsonObject o) {
    return new EndpointInfo(o.get("endpoint_id").getAsString(), str(o, "name"), str(o, "status"),
        num(o, "managers"), num(o, "workers"), num(o, "idle_workers"), num(o, "outstanding_tasks"),
        num(o, "queued_at_endpoint"), num(o, "running_at_endpoint"), str(o, "forwarder_address"),
        str(o, "forwarder_public_key"), str(o, "problem"));
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
