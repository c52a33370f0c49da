package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real sockets: bad input gets a clear, typed error and breaks nothing. */
@Timeout(60)
class RestApiTest {
  @TempDir Path dir;
  FuncxService service;
  String token;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir)
                .withPorts(0, 0)
                .withMaxArgsBytes(1_000)
                .withTaskTtl(Duration.ofSeconds(1)));
    token = ServiceTokens.admin(service, dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  record Answer(int status, JsonObject body) {
    String code() {
      return body.has("code") ? body.get("code").getAsString() : null;
    }
  }

  Answer call(String method, String path, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(service.url() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(), JsonParser.parseString(response.body()).getAsJsonObject());
  }

  String function(String source) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("function_code", source);
    Answer a = call("POST", "/v2/functions", body.toString());
    assertThat(a.status()).isEqualTo(201);
    return a.body().get("function_id").getAsString();
  }

  String endpoint() throws Exception {
    return call("POST", "/v2/endpoints", "{\"name\":\"ep\"}")
        .body()
        .get("endpoint_id")
        .getAsString();
  }

  String submitOne(String function, String endpoint) throws Exception {
    Answer a =
        call(
            "POST",
            "/v2/submit",
            "{\"tasks\":[{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint
                + "\",\"args\":[1]}]}");
    assertThat(a.status()).isEqualTo(202);
    return a.body().getAsJsonArray("task_ids").get(0).getAsString();
  }

  @Test
  void every_error_has_one_json_shape_with_a_stable_code() throws Exception {
    Answer a = call("POST", "/v2/submit", "{not json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("invalid_json");
    assertThat(a.body().keySet()).containsExactly("status", "code", "message", "details");
    assertThat(call("GET", "/v2/nowhere", null).code()).isEqualTo("no_such_route");
    assertThat(call("PUT", "/v2/version", null).status()).isIn(404, 405);
  }

  @Test
  void malformed_ids_are_400_and_unknown_ids_are_404() throws Exception {
    assertThat(call("GET", "/v2/tasks/not-a-uuid", null).code()).isEqualTo("invalid_id");
    Answer unknown = call("GET", "/v2/tasks/00000000-0000-0000-0000-000000000001", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("task_not_found");
    assertThat(call("GET", "/v2/functions/00000000-0000-0000-0000-000000000001", null).code())
        .isEqualTo("function_not_found");
    assertThat(call("DELETE", "/v2/endpoints/00000000-0000-0000-0000-000000000001", null).code())
        .isEqualTo("endpoint_not_found");
  }

  @Test
  void submissions_with_bad_parts_are_refused_whole() throws Exception {
    String f = function("int id(int x) { return x; }");
    String e = endpoint();
    String task = "{\"function_id\":\"" + f + "\",\"endpoint_id\":\"" + e + "\",";
    assertThat(call("POST", "/v2/submit", "{}").code()).isEqualTo("no_tasks");
    Answer notArray =
        call(
            "POST",
            "/v2/submit",
            "{\"tasks\":[" + task + "\"args\":[1]}, " + task + "\"args\":5}]}");
    assertThat(notArray.code()).isEqualTo("invalid_args");
    assertThat(notArray.body().getAsJsonObject("details").get("task_index").getAsInt())
        .isEqualTo(1);
    Answer tooBig =
        call(
            "POST",
            "/v2/submit",
            "{\"tasks\":[" + task + "\"args\":[\"" + "x".repeat(2_000) + "\"]}]}");
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.code()).isEqualTo("payload_too_large");
    assertThat(
            call(
                    "POST",
                    "/v2/submit",
                    "{\"tasks\":[{\"function_id\":\""
                        + f
                        + "\",\"endpoint_id\":\"00000000-0000-0000-0000-000000000009\"}]}")
                .code())
        .isEqualTo("endpoint_not_found");
    assertThat(
            call("POST", "/v2/submit", "{\"tasks\":[" + task + "\"timeout_s\":\"soon\"}]}").code())
        .isEqualTo("invalid_field");
    assertThat(service.url()).isNotBlank();
    assertThat(call("GET", "/v2/version", null).status()).isEqualTo(200);
  }

  @Test
  void invalid_source_is_a_compile_error_with_the_line() throws Exception {
    Answer a =
        call("POST", "/v2/functions", "{\"function_code\":\"int f(int x) {\\n return y;\\n}\"}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("compile_error");
    assertThat(a.body().toString()).contains("line 2");
  }

  @Test
  void group_ids_sort_in_submission_order_and_name_their_tasks() throws Exception {
    String f = function("int id(int x) { return x; }");
    String e = endpoint();
    String body =
        "{\"tasks\":[{\"function_id\":\"" + f + "\",\"endpoint_id\":\"" + e + "\",\"args\":[1]}]}";
    java.util.List<String> groups = new java.util.ArrayList<>();
    java.util.List<String> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Answer a = call("POST", "/v2/submit", body);
      assertThat(a.status()).isEqualTo(202);
      groups.add(a.body().get("task_group_id").getAsString());
      tasks.add(a.body().getAsJsonArray("task_ids").get(0).getAsString());
    }
    assertThat(groups).isSorted().doesNotHaveDuplicates();
    assertThat(java.util.UUID.fromString(groups.get(0)).version()).isEqualTo(7);
    for (int i = 0; i < groups.size(); i++) {
      Answer batch = call("GET", "/v2/task_groups/" + groups.get(i), null);
      assertThat(batch.status()).isEqualTo(200);
      assertThat(batch.body().toString()).contains(tasks.get(i));
    }
  }

  @Test
  void functions_endpoints_and_tasks_survive_a_restart() throws Exception {
    String f = function("int id(int x) { return x; }");
    String e = endpoint();
    String t = submitOne(f, e);
    service.close();
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    token = ServiceTokens.admin(service, dir);
    assertThat(call("GET", "/v2/functions/" + f, null).status()).isEqualTo(200);
    assertThat(call("GET", "/v2/endpoints/" + e, null).status()).isEqualTo(200);
    Answer task = call("GET", "/v2/tasks/" + t, null);
    assertThat(task.body().get("status").getAsString()).isEqualTo("waiting-for-endpoint");
    assertThat(
            call("GET", "/v2/endpoints/" + e + "/status", null)
                .body()
                .get("outstanding_tasks")
                .getAsInt())
        .isEqualTo(1);
  }

  @Test
  void finished_tasks_expire_after_their_ttl() throws Exception {
    String t = submitOne(function("int id(int x) { return x; }"), endpoint());
    assertThat(call("POST", "/v2/tasks/" + t + "/cancel", "{}").status()).isEqualTo(200);
    assertThat(call("GET", "/v2/tasks/" + t, null).body().get("status").getAsString())
        .isEqualTo("cancelled");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> call("GET", "/v2/tasks/" + t, null).status() == 404);
  }

  @Test
  void deleting_an_endpoint_fails_its_queued_tasks_as_endpoint_lost() throws Exception {
    String e = endpoint();
    String t = submitOne(function("int id(int x) { return x; }"), e);
    assertThat(call("DELETE", "/v2/endpoints/" + e, null).status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                call("GET", "/v2/tasks/" + t, null)
                    .body()
                    .get("status")
                    .getAsString()
                    .equals("failed"));
    assertThat(
            call("GET", "/v2/tasks/" + t, null)
                .body()
                .getAsJsonObject("error")
                .get("kind")
                .getAsString())
        .isEqualTo("endpoint_lost");
  }

  @Test
  void too_many_requests_get_429_with_retry_after_and_the_service_recovers() throws Exception {
    service.close();
    service =
        FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0).withRequestsPerSecond(5));
    token = ServiceTokens.admin(service, dir);
    int limited = 0;
    String retryAfter = null;
    for (int i = 0; i < 40; i++) {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(service.url() + "/v2/version")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        limited++;
        retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        assertThat(
                JsonParser.parseString(response.body()).getAsJsonObject().get("code").getAsString())
            .isEqualTo("rate_limited");
      }
    }
    assertThat(limited).isGreaterThan(20);
    assertThat(retryAfter).isNotNull();
    Thread.sleep(Long.parseLong(retryAfter) * 1000);
    assertThat(call("GET", "/v2/version", null).status()).isEqualTo(200);
  }

  static {
    // keep the embedded service quiet in test output
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
  }
}
