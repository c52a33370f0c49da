package org.funcx.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpClient;
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
import org.funcx.core.rest.ClientCreated;
import org.funcx.core.rest.ClientRequest;
import org.funcx.core.rest.EndpointDescription;
import org.funcx.core.rest.EndpointRegistrationRequest;
import org.funcx.core.rest.FunctionDescription;
import org.funcx.core.rest.FunctionRegistration;
import org.funcx.core.rest.SharingChange;
import org.funcx.core.rest.TaskGroupAnswer;
import org.funcx.core.rest.TaskIdsRequest;
import org.funcx.core.rest.TaskOutputAnswer;
import org.funcx.core.rest.UserCreated;
import org.funcx.core.rest.UserRequest;
import org.funcx.core.rest.VersionAnswer;
import org.funcx.core.rest.Whoami;

/**
 * The funcX REST API from Java: functions, endpoints, submission and task status. Thread-safe.
 * For running many calls and getting results as futures, use {@link #executor(String)}.
 * Request and answer bodies are the records of {@code org.funcx.core.rest}, shared with the
 * service; HTTP, tokens and retries are {@link RestTransport}'s.
 */
public final class FuncXClient implements AutoCloseable {
  /** Attempts of a request the service refuses for momentary load (429), about 3.5 s of pauses. */
  static final int BUSY_RETRIES = 8;

  private final String baseUrl;
  private final HttpClient http;
  private final Credentials credentials;

  /** The same trust for token requests to the service's issuer (Nimbus uses sockets). */
  private final javax.net.ssl.SSLSocketFactory tlsSockets;

  private final RestTransport transport;

  private FuncXClient(
      String baseUrl,
      ServerTrust trust,
      java.util.function.Function<FuncXClient, Credentials> credentials) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    // plain http:// URLs never build a TLS context (nor read the trusted files)
    javax.net.ssl.SSLContext tls = this.baseUrl.startsWith("https:") ? trust.sslContext() : null;
    if (tls != null) builder.sslContext(tls);
    this.http = builder.build();
    this.tlsSockets = tls == null ? null : tls.getSocketFactory();
    this.credentials = credentials.apply(this);
    this.transport = new RestTransport(this.baseUrl, http, this.credentials);
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
    return new FuncXClient(
        base, trust, c -> new StoredCredentials(base, store, c::authDiscovery, c.tlsSockets));
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
      throw new FuncXException(
          0,
          "fixed_token",
          "this client uses a fixed token; log in with a"
              + " client made by FuncXClient.connect(url) or connect(url, store)");
    }
    return DeviceLogin.start(stored);
  }

  /** Forgets the tokens of the last login to this service. */
  public void logout() {
    if (credentials instanceof StoredCredentials stored) stored.store().saveTokens(baseUrl, null);
  }

  /** Creates a user of the embedded issuer (needs the admin scope); answers the new user. */
  public UserCreated createUser(UserRequest user) {
    return UserCreated.fromJson(call("POST", "/v2/users", user.toJson()).getAsJsonObject());
  }

  /**
   * Creates client credentials acting as the signed-in user with {@code scopes} (a subset of the
   * user's), for automation; the answer holds the client's id and secret, shown once.
   */
  public ClientCreated createClient(String name, List<String> scopes) {
    return ClientCreated.fromJson(
        call("POST", "/v2/clients", new ClientRequest(name, scopes).toJson()).getAsJsonObject());
  }

  public void deleteClient(String clientId) {
    call("DELETE", "/v2/clients/" + clientId, null);
  }

  /** Who the service takes this client for: subject, username, scopes, groups. */
  public Whoami whoami() {
    return Whoami.fromJson(call("GET", "/v2/whoami", null).getAsJsonObject());
  }

  public String url() {
    return baseUrl;
  }

  public String version() {
    return transport.call("GET", "/v2/version", null, VersionAnswer::fromJson).version();
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
  public RegisteredFunction register(
      String source, String entryPoint, String name, List<String> dependencies) {
    return registerFunction(
        new FunctionRegistration(
            null, source, entryPoint, name, true, dependencies, SharingChange.NONE));
  }

  /**
   * Registers a shell function: {@code template} is a command with {@code {name}} placeholders
   * ({@code {{}/{@code }}} for literal braces), filled per task from a map of arguments
   * ({@code executor.submit(f, Map.of("word", "x"))}); values never reach the shell as code.
   * The task's result is a {@link ShellResult}'s JSON object. {@code name} may be null.
   */
  public RegisteredFunction registerShell(String name, String template) {
    return registerFunction(
        new FunctionRegistration("shell", template, null, name, true, null, SharingChange.NONE));
  }

  /** Registers without compiling at the service; compile errors then surface per task. */
  public RegisteredFunction registerUnchecked(String source, String entryPoint) {
    return registerFunction(
        new FunctionRegistration(null, source, entryPoint, null, false, null, SharingChange.NONE));
  }

  private RegisteredFunction registerFunction(FunctionRegistration request) {
    return RestAnswers.function(
        transport.call("POST", "/v2/functions", request.toJson(), FunctionDescription::fromJson));
  }

  public RegisteredFunction function(String functionId) {
    return RestAnswers.function(
        transport.call("GET", "/v2/functions/" + functionId, null, FunctionDescription::fromJson));
  }

  public void deleteFunction(String functionId) {
    call("DELETE", "/v2/functions/" + functionId, null);
  }

  /** Registers an endpoint by name, or confirms the one with {@code endpointId} (may be null). */
  public EndpointInfo registerEndpoint(String name, String endpointId) {
    return RestAnswers.endpoint(
        registerEndpoint(
            new EndpointRegistrationRequest(name, endpointId, null, null, SharingChange.NONE)));
  }

  /**
   * Registers (or, with {@code endpointId}, re-registers) an endpoint whose agent connects with
   * the CURVE public key {@code curvePublicKey}; {@code allowedFunctions} empty for any function.
   */
  public EndpointRegistration registerEndpoint(
      String name, String endpointId, String curvePublicKey, List<String> allowedFunctions) {
    EndpointDescription registered =
        registerEndpoint(
            new EndpointRegistrationRequest(
                name, endpointId, curvePublicKey, allowedFunctions, SharingChange.NONE));
    return new EndpointRegistration(
        RestAnswers.endpoint(registered),
        registered.forwarderPublicKey(),
        registered.clientId(),
        registered.clientSecret(),
        registered.allowedFunctions());
  }

  private EndpointDescription registerEndpoint(EndpointRegistrationRequest request) {
    return transport.call("POST", "/v2/endpoints", request.toJson(), EndpointDescription::fromJson);
  }

  /** Shares a function or endpoint ({@code kind}: "functions" or "endpoints") publicly or with groups. */
  public void share(String kind, String id, boolean isPublic, List<String> groups) {
    call(
        "PUT", "/v2/" + kind + "/" + id + "/sharing", new SharingChange(isPublic, groups).toJson());
  }

  public List<EndpointInfo> endpoints() {
    // A list the caller may change, as it always was.
    return new ArrayList<>(
        transport.call("GET", "/v2/endpoints", null, EndpointDescription::listFromJson).stream()
            .map(RestAnswers::endpoint)
            .toList());
  }

  public EndpointInfo endpoint(String endpointId) {
    return RestAnswers.endpoint(
        transport.call(
            "GET", "/v2/endpoints/" + endpointId + "/status", null, EndpointDescription::fromJson));
  }

  /** The endpoint with the forwarder's address and CURVE key, as its agent needs them. */
  public EndpointInfo endpointDetails(String endpointId) {
    return RestAnswers.endpoint(
        transport.call("GET", "/v2/endpoints/" + endpointId, null, EndpointDescription::fromJson));
  }

  public void deleteEndpoint(String endpointId) {
    call("DELETE", "/v2/endpoints/" + endpointId, null);
  }

  /** Submits one request body as {@code /v2/submit} takes it; see {@link Submission}. */
  public Submission submit(JsonObject request) {
    TaskGroupAnswer answer =
        transport.call("POST", "/v2/submit", request, TaskGroupAnswer::fromJson);
    return new Submission(answer.taskGroupId(), answer.taskIds());
  }

  /**
   * Submits one call per input of a function on an endpoint, in one request. An input that is a
   * {@link List} is its call's argument list; any other input is the single argument.
   */
  public Submission submit(
      String functionId, String endpointId, List<?> inputs, TaskOptions options) {
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
    return RestAnswers.output(
        transport.call(
            "GET",
            "/v2/tasks/"
                + taskId
                + "/output?stdout_offset="
                + stdoutOffset
                + "&stderr_offset="
                + stderrOffset,
            null,
            TaskOutputAnswer::fromJson));
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
      JsonObject body =
          new TaskIdsRequest(ids.subList(from, Math.min(ids.size(), from + 10_000))).toJson();
      JsonObject results =
          call("POST", "/v2/batch_status", body).getAsJsonObject().getAsJsonObject("results");
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
    return transport.stream(
        "/v2/tasks/" + taskId + "/result",
        "the result of task " + taskId,
        new ArrowDecoder(ClientMemory.ALLOCATOR)::decode);
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

  /** The bearer token for a WebSocket upgrade, or null. */
  String accessToken() {
    return transport.accessToken();
  }

  /** Calls the API through the transport (tokens, retries, typed errors); see {@link RestTransport}. */
  JsonElement call(String method, String path, JsonElement body) {
    return transport.call(method, path, body);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient in Java 17 has no close; its threads are daemons.
  }
}
