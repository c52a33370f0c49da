package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.funcx.client.EndpointInfo;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOutput;
import org.funcx.client.auth.Credentials;
import org.funcx.core.json.Json;
import org.funcx.core.rest.ClientCreated;
import org.funcx.core.rest.ClientRequest;
import org.funcx.core.rest.EndpointDescription;
import org.funcx.core.rest.EndpointRegistrationRequest;
import org.funcx.core.rest.ErrorAnswer;
import org.funcx.core.rest.FunctionDescription;
import org.funcx.core.rest.FunctionRegistration;
import org.funcx.core.rest.RestFieldException;
import org.funcx.core.rest.SharingChange;
import org.funcx.core.rest.SharingDescription;
import org.funcx.core.rest.TaskGroupAnswer;
import org.funcx.core.rest.TaskIdsRequest;
import org.funcx.core.rest.TaskOutputAnswer;
import org.funcx.core.rest.UserCreated;
import org.funcx.core.rest.UserRequest;
import org.funcx.core.rest.VersionAnswer;
import org.funcx.core.rest.Whoami;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST records of {@code org.funcx.core.rest} against a real service: what the service
 * answers reads into the record the SDK uses and writes back to the same bytes, what a record
 * writes as a request the service takes, and a missing or mistyped field is the same typed 400 on
 * every route (and, in an answer, a {@link RestFieldException} naming the field).
 */
@Timeout(120)
class RestContractTest {
  private static final String IDENTITY = "int id(int x) { return x; }";
  @TempDir Path dir;
  FuncxService service;
  String token;
  FuncXClient sdk;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    token = ServiceTokens.admin(service, dir);
    sdk = FuncXClient.connect(service.url(), Credentials.token(token));
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  record Raw(int status, String text) {
    JsonObject json() {
      return JsonParser.parseString(text).getAsJsonObject();
    }
  }

  Raw send(String method, String path, JsonObject body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(service.url() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body)))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Raw(response.statusCode(), response.body());
  }

  /** Reads a service answer into its record and writes it back: the same bytes, key for key. */
  static <T> T roundTrip(Raw answer, Function<JsonObject, T> read, Function<T, JsonObject> write) {
    T record = read.apply(answer.json());
    assertThat(Json.GSON.toJson(write.apply(record))).isEqualTo(answer.text());
    return record;
  }

  /** A request record read back from what it writes is the same record. */
  static <T> void requestRoundTrip(
      T request, Function<T, JsonObject> write, Function<JsonObject, T> read) {
    assertThat(read.apply(write.apply(request))).isEqualTo(request);
  }

  FunctionDescription registerIdentity() throws Exception {
    Raw answer =
        send(
            "POST",
            "/v2/functions",
            new FunctionRegistration(null, IDENTITY, null, null, true, null, SharingChange.NONE)
                .toJson());
    assertThat(answer.status()).isEqualTo(201);
    return FunctionDescription.fromJson(answer.json());
  }

  EndpointDescription registerEndpoint(String name) throws Exception {
    Raw answer =
        send(
            "POST",
            "/v2/endpoints",
            new EndpointRegistrationRequest(name, null, null, null, SharingChange.NONE).toJson());
    assertThat(answer.status()).isEqualTo(201);
    return EndpointDescription.fromJson(answer.json());
  }

  @Test
  void a_function_registration_and_its_descriptions_round_trip() throws Exception {
    var request =
        new FunctionRegistration(
            null,
            IDENTITY,
            "id",
            "ident",
            true,
            List.of(),
            new SharingChange(false, List.of("lab")));
    requestRoundTrip(request, FunctionRegistration::toJson, FunctionRegistration::fromJson);
    Raw registered = send("POST", "/v2/functions", request.toJson());
    assertThat(registered.status()).isEqualTo(201);
    FunctionDescription made =
        roundTrip(registered, FunctionDescription::fromJson, FunctionDescription::toJson);
    assertThat(made.signature()).isEqualTo("int id(int x)");
    assertThat(made.sharing().groups()).containsExactly("lab");
    assertThat(made.functionCode()).isNull();

    FunctionDescription read =
        roundTrip(
            send("GET", "/v2/functions/" + made.functionId(), null),
            FunctionDescription::fromJson,
            FunctionDescription::toJson);
    assertThat(read.functionCode()).isEqualTo(IDENTITY);
    RegisteredFunction seen = sdk.function(made.functionId());
    assertThat(seen)
        .isEqualTo(
            new RegisteredFunction(
                made.functionId(),
                "ident",
                "id",
                made.hash(),
                "int id(int x)",
                "int",
                "java",
                List.of()));

    var shell = new FunctionRegistration("shell", "echo {word}", null, null, true, null, null);
    requestRoundTrip(shell, FunctionRegistration::toJson, FunctionRegistration::fromJson);
    FunctionDescription shellMade =
        roundTrip(
            send("POST", "/v2/functions", shell.toJson()),
            FunctionDescription::fromJson,
            FunctionDescription::toJson);
    assertThat(shellMade.kind()).isEqualTo("shell");
    assertThat(shellMade.signature()).isEqualTo("(word)");
  }

  @Test
  void a_sharing_change_and_its_description_round_trip() throws Exception {
    FunctionDescription f = registerIdentity();
    var change = new SharingChange(true, List.of("a", "b"));
    requestRoundTrip(change, SharingChange::toJson, SharingChange::fromJson);
    SharingDescription shared =
        roundTrip(
            send("PUT", "/v2/functions/" + f.functionId() + "/sharing", change.toJson()),
            SharingDescription::fromJson,
            SharingDescription::toJson);
    assertThat(shared.isPublic()).isTrue();
    assertThat(shared.groups()).containsExactly("a", "b");
    assertThat(shared.owner()).isEqualTo(f.sharing().owner());
    // Fields left out keep their value.
    SharingDescription kept =
        SharingDescription.fromJson(
            send(
                    "PUT",
                    "/v2/functions/" + f.functionId() + "/sharing",
                    new SharingChange(false, null).toJson())
                .json());
    assertThat(kept.groups()).containsExactly("a", "b");
    assertThat(kept.isPublic()).isFalse();
  }

  @Test
  void an_endpoint_registration_and_its_descriptions_round_trip() throws Exception {
    FunctionDescription f = registerIdentity();
    var request =
        new EndpointRegistrationRequest(
            "ep", null, null, List.of(f.functionId()), new SharingChange(null, List.of("lab")));
    requestRoundTrip(
        request, EndpointRegistrationRequest::toJson, EndpointRegistrationRequest::fromJson);
    Raw registered = send("POST", "/v2/endpoints", request.toJson());
    assertThat(registered.status()).isEqualTo(201);
    EndpointDescription made =
        roundTrip(registered, EndpointDescription::fromJson, EndpointDescription::toJson);
    assertThat(made.clientId()).isNotBlank();
    assertThat(made.clientSecret()).isNotBlank();
    assertThat(made.toString()).doesNotContain(made.clientSecret());
    assertThat(made.forwarderPublicKey()).isNotBlank();
    assertThat(made.allowedFunctions()).containsExactly(f.functionId());
    assertThat(made.status()).isEqualTo("offline");

    String id = made.endpointId();
    EndpointDescription details =
        roundTrip(
            send("GET", "/v2/endpoints/" + id, null),
            EndpointDescription::fromJson,
            EndpointDescription::toJson);
    assertThat(details.forwarderAddress()).isEqualTo(made.forwarderAddress());
    assertThat(details.clientSecret()).isNull();
    EndpointDescription status =
        roundTrip(
            send("GET", "/v2/endpoints/" + id + "/status", null),
            EndpointDescription::fromJson,
            EndpointDescription::toJson);
    assertThat(status.forwarderAddress()).isNull();
    List<EndpointDescription> all =
        roundTrip(
            send("GET", "/v2/endpoints", null),
            EndpointDescription::listFromJson,
            EndpointDescription::listToJson);
    assertThat(all).extracting(EndpointDescription::endpointId).containsExactly(id);

    // Re-registering the same endpoint is a 200 with the same shape.
    Raw again =
        send(
            "POST",
            "/v2/endpoints",
            new EndpointRegistrationRequest("ep2", id, null, List.of(), SharingChange.NONE)
                .toJson());
    assertThat(again.status()).isEqualTo(200);
    assertThat(roundTrip(again, EndpointDescription::fromJson, EndpointDescription::toJson).name())
        .isEqualTo("ep2");
    EndpointInfo seen = sdk.endpointDetails(id);
    assertThat(seen.name()).isEqualTo("ep2");
    assertThat(seen.forwarderPublicKey()).isEqualTo(made.forwarderPublicKey());
    assertThat(sdk.endpoints()).extracting(EndpointInfo::id).containsExactly(id);
  }

  @Test
  void a_submission_its_task_group_status_and_output_round_trip() throws Exception {
    String f = registerIdentity().functionId();
    String e = registerEndpoint("ep").endpointId();
    JsonObject task = new JsonObject();
    task.addProperty("function_id", f);
    task.addProperty("endpoint_id", e);
    task.add("args", JsonParser.parseString("[1]"));
    JsonObject submit = new JsonObject();
    submit.add("tasks", JsonParser.parseString("[" + task + "," + task + "]"));
    Raw submitted = send("POST", "/v2/submit", submit);
    assertThat(submitted.status()).isEqualTo(202);
    TaskGroupAnswer group =
        roundTrip(submitted, TaskGroupAnswer::fromJson, TaskGroupAnswer::toJson);
    assertThat(group.taskIds()).hasSize(2);
    assertThat(
            roundTrip(
                send("GET", "/v2/task_groups/" + group.taskGroupId(), null),
                TaskGroupAnswer::fromJson,
                TaskGroupAnswer::toJson))
        .isEqualTo(group);

    var ids =
        new TaskIdsRequest(List.of(group.taskIds().get(0), "00000000-0000-0000-0000-000000000001"));
    assertThat(TaskIdsRequest.fromJson(ids.toJson(), 10)).isEqualTo(ids);
    JsonObject status = send("POST", "/v2/batch_status", ids.toJson()).json();
    assertThat(status.getAsJsonObject("results").keySet()).containsExactly(group.taskIds().get(0));
    assertThat(status.getAsJsonArray("unknown").get(0).getAsString())
        .isEqualTo("00000000-0000-0000-0000-000000000001");

    String taskId = group.taskIds().get(1);
    TaskOutputAnswer output =
        roundTrip(
            send("GET", "/v2/tasks/" + taskId + "/output?stdout_offset=0&stderr_offset=0", null),
            TaskOutputAnswer::fromJson,
            TaskOutputAnswer::toJson);
    assertThat(output.finished()).isFalse();
    assertThat(output.stdout()).isEqualTo(new TaskOutputAnswer.Slice("", 0, 0));
    assertThat(sdk.output(taskId, 0, 0))
        .isEqualTo(new TaskOutput(taskId, output.status(), false, "", 0, "", 0));
  }

  @Test
  void the_version_answer_round_trips_and_names_the_token_issuer() throws Exception {
    VersionAnswer version =
        roundTrip(send("GET", "/v2/version", null), VersionAnswer::fromJson, VersionAnswer::toJson);
    assertThat(version.api()).isEqualTo("v2");
    assertThat(version.forwarderPublicKey()).isNotBlank();
    assertThat(version.auth().get("client_id").getAsString()).isNotBlank();
    assertThat(sdk.version()).isEqualTo(version.version());
    assertThat(sdk.authDiscovery().clientId())
        .isEqualTo(version.auth().get("client_id").getAsString());
  }

  @Test
  void users_clients_and_whoami_round_trip() throws Exception {
    var user = new UserRequest("ada", "correct horse battery", List.of("lab"), false);
    requestRoundTrip(user, UserRequest::toJson, UserRequest::fromJson);
    Raw created = send("POST", "/v2/users", user.toJson());
    assertThat(created.status()).isEqualTo(201);
    UserCreated ada = roundTrip(created, UserCreated::fromJson, UserCreated::toJson);
    assertThat(ada.username()).isEqualTo("ada");
    assertThat(ada.groups()).containsExactly("lab");

    var client = new ClientRequest("robot", List.of("funcx:compute"));
    requestRoundTrip(client, ClientRequest::toJson, ClientRequest::fromJson);
    Raw made = send("POST", "/v2/clients", client.toJson());
    assertThat(made.status()).isEqualTo(201);
    ClientCreated robot = roundTrip(made, ClientCreated::fromJson, ClientCreated::toJson);
    assertThat(robot.scopes()).containsExactly("funcx:compute");
    // Secrets stay out of what a log line of the records shows.
    assertThat(robot.toString()).doesNotContain(robot.clientSecret());
    assertThat(user.toString()).doesNotContain(user.password());
    assertThat(sdk.createClient("robot2", List.of("funcx:compute")).clientSecret()).isNotBlank();

    Whoami me = roundTrip(send("GET", "/v2/whoami", null), Whoami::fromJson, Whoami::toJson);
    assertThat(me.scopes()).contains("funcx:compute");
    assertThat(sdk.whoami()).isEqualTo(me);
  }

  @Test
  void a_missing_or_mistyped_request_field_is_the_same_typed_400_on_every_route() throws Exception {
    String f = registerIdentity().functionId();
    expectFieldError(
        "POST",
        "/v2/functions",
        "{\"entry_point\":\"id\"}",
        "missing_field",
        "field 'function_code' is required");
    expectFieldError(
        "POST",
        "/v2/functions",
        "{\"function_code\":7}",
        "invalid_field",
        "field 'function_code' must be a string");
    expectFieldError(
        "POST",
        "/v2/functions",
        "{\"function_code\":\"" + IDENTITY + "\",\"validate\":\"no\"}",
        "invalid_field",
        "field 'validate' must be true or false");
    expectFieldError("POST", "/v2/endpoints", "{}", "missing_field", "field 'name' is required");
    expectFieldError(
        "POST",
        "/v2/endpoints",
        "{\"name\":\"ep\",\"allowed_functions\":\"x\"}",
        "invalid_field",
        "field 'allowed_functions' must be an array of strings");
    expectFieldError(
        "PUT",
        "/v2/functions/" + f + "/sharing",
        "{\"groups\":[1]}",
        "invalid_field",
        "field 'groups' must be an array of strings");
    expectFieldError(
        "PUT",
        "/v2/functions/" + f + "/sharing",
        "{\"public\":\"yes\"}",
        "invalid_field",
        "field 'public' must be true or false");
    expectFieldError(
        "POST",
        "/v2/users",
        "{\"username\":\"bob\"}",
        "missing_field",
        "field 'password' is required");
    expectFieldError(
        "POST",
        "/v2/clients",
        "{\"scopes\":\"funcx:compute\"}",
        "invalid_field",
        "field 'scopes' must be an array of strings");
    expectFieldError(
        "POST",
        "/v2/batch_status",
        "{}",
        "missing_field",
        "field 'task_ids' must be an array of ids");
    // Unknown fields are ignored, as they always were: new clients may send more.
    Raw tolerant =
        send(
            "POST",
            "/v2/endpoints",
            JsonParser.parseString("{\"name\":\"ep\",\"color\":\"blue\"}").getAsJsonObject());
    assertThat(tolerant.status()).isEqualTo(201);
    // The service kept serving.
    assertThat(send("GET", "/v2/functions/" + f, null).status()).isEqualTo(200);
  }

  private void expectFieldError(
      String method, String path, String body, String code, String message) throws Exception {
    Raw answer = send(method, path, JsonParser.parseString(body).getAsJsonObject());
    assertThat(answer.status()).as(method + " " + path + " " + body).isEqualTo(400);
    JsonObject error = answer.json();
    assertThat(error.keySet()).containsExactly("status", "code", "message", "details");
    assertThat(error.get("code").getAsString()).isEqualTo(code);
    assertThat(error.get("message").getAsString()).isEqualTo(message);
    ErrorAnswer read =
        roundTrip(answer, json -> ErrorAnswer.fromJson(400, json), ErrorAnswer::toJson);
    assertThat(read).isEqualTo(new ErrorAnswer(400, code, message, new JsonObject()));
  }

  @Test
  void error_answers_round_trip_and_carry_their_details_to_the_sdk() throws Exception {
    Raw compileError =
        send(
            "POST",
            "/v2/functions",
            new FunctionRegistration(
                    null, "int f(int x) {\n return y;\n}", null, null, true, null, null)
                .toJson());
    assertThat(compileError.status()).isEqualTo(400);
    ErrorAnswer error =
        roundTrip(compileError, json -> ErrorAnswer.fromJson(400, json), ErrorAnswer::toJson);
    assertThat(error.code()).isEqualTo("compile_error");
    assertThat(error.diagnostics()).contains("line 2");
    assertThatThrownBy(() -> sdk.register("int f(int x) {\n return y;\n}"))
        .isInstanceOfSatisfying(
            org.funcx.client.FuncXException.class,
            e -> {
              assertThat(e.code()).isEqualTo("compile_error");
              assertThat(e.getMessage()).isEqualTo(error.message() + "\n" + error.diagnostics());
            });
    ErrorAnswer notFound =
        roundTrip(
            send("GET", "/v2/tasks/00000000-0000-0000-0000-000000000001", null),
            json -> ErrorAnswer.fromJson(404, json),
            ErrorAnswer::toJson);
    assertThat(notFound.code()).isEqualTo("task_not_found");
    // A body that is no error of the service's (a proxy's) still reads, from the status alone.
    assertThat(
            ErrorAnswer.fromJson(502, JsonParser.parseString("{\"code\":7}").getAsJsonObject())
                .code())
        .isEqualTo("http_502");
  }

  @Test
  void an_answer_missing_a_required_field_is_a_typed_error_naming_it() throws Exception {
    JsonObject function =
        send("GET", "/v2/functions/" + registerIdentity().functionId(), null).json();
    function.remove("function_id");
    assertThatThrownBy(() -> FunctionDescription.fromJson(function))
        .isInstanceOfSatisfying(
            RestFieldException.class,
            e -> {
              assertThat(e.code()).isEqualTo("missing_field");
              assertThat(e.field()).isEqualTo("function_id");
            });
    JsonObject endpoint = registerEndpoint("ep").toJson();
    endpoint.addProperty("managers", "two");
    assertThatThrownBy(() -> EndpointDescription.fromJson(endpoint))
        .isInstanceOfSatisfying(
            RestFieldException.class,
            e -> assertThat(e.getMessage()).isEqualTo("field 'managers' must be a number"));
    // Unknown fields in answers are skipped: a newer service may say more.
    JsonObject more = registerIdentity().toJson();
    more.addProperty("colour", "blue");
    assertThat(FunctionDescription.fromJson(more).functionId())
        .isEqualTo(more.get("function_id").getAsString());
  }
}
