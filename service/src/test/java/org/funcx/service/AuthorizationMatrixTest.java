package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.funcx.service.auth.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, route by route, against a real service over HTTP: no token → 401 on every
 * route but discovery; a token without the route's scope → 403; another user's private
 * function, endpoint or task → 404; shared objects usable but not changeable by non-owners (403);
 * an endpoint's allowed_functions enforced at submission.
 */
@Timeout(120)
class AuthorizationMatrixTest {
  @TempDir static Path dir;
  static FuncxService service;
  static ApiCaller api;
  static String admin;
  static String alice;
  static String bob;
  static String carol;
  static String aliceFunction;
  static String aliceEndpoint;
  static String aliceTask;
  static String aliceGroup;
  static String endpointAgent;

  @BeforeAll
  static void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    admin = ServiceTokens.admin(service, dir);
    alice = ServiceTokens.mint(service, "alice", Set.of("lab"), Scope.COMPUTE);
    bob = ServiceTokens.mint(service, "bob", Set.of("other"), Scope.COMPUTE);
    carol = ServiceTokens.mint(service, "carol", Set.of("lab"), Scope.COMPUTE);
    aliceFunction = api.registerIdentity(alice);
    JsonObject registered =
        api.call(alice, "POST", "/v2/endpoints", "{\"name\":\"alices\"}").body();
    aliceEndpoint = registered.get("endpoint_id").getAsString();
    endpointAgent =
        clientCredentials(
            registered.get("client_id").getAsString(),
            registered.get("client_secret").getAsString());
    JsonObject submitted =
        api.call(alice, "POST", "/v2/submit", submission(aliceFunction, aliceEndpoint)).body();
    aliceTask = submitted.getAsJsonArray("task_ids").get(0).getAsString();
    aliceGroup = submitted.get("task_group_id").getAsString();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) service.close();
  }

  static String submission(String function, String endpoint) {
    return "{\"tasks\":[{\"function_id\":\""
        + function
        + "\",\"endpoint_id\":\""
        + endpoint
        + "\",\"args\":[1]}]}";
  }

  static String clientCredentials(String id, String secret) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var response =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(service.url() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials"
                            + "&client_id="
                            + id
                            + "&client_secret="
                            + secret))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return com.google.gson.JsonParser.parseString(response.body())
        .getAsJsonObject()
        .get("access_token")
        .getAsString();
  }

  /** Every API route with a body that would be valid, so only authorization can refuse it. */
  static List<String[]> routes() {
    String f = aliceFunction;
    String e = aliceEndpoint;
    String t = aliceTask;
    List<String[]> r = new ArrayList<>();
    r.add(new String[] {"GET", "/v2/whoami", null});
    r.add(
        new String[] {
          "POST", "/v2/users", "{\"username\":\"zed\",\"password\":\"long enough password\"}"
        });
    r.add(new String[] {"POST", "/v2/clients", "{\"name\":\"ci\"}"});
    r.add(new String[] {"GET", "/v2/clients", null});
    r.add(new String[] {"DELETE", "/v2/clients/cl-unknown", null});
    r.add(
        new String[] {"POST", "/v2/functions", "{\"function_code\":\"int one() { return 1; }\"}"});
    r.add(new String[] {"GET", "/v2/functions/" + f, null});
    r.add(new String[] {"PUT", "/v2/functions/" + f + "/sharing", "{\"public\":false}"});
    r.add(new String[] {"DELETE", "/v2/functions/" + f, null});
    r.add(new String[] {"POST", "/v2/endpoints", "{\"name\":\"x\"}"});
    r.add(new String[] {"GET", "/v2/endpoints", null});
    r.add(new String[] {"GET", "/v2/endpoints/" + e, null});
    r.add(new String[] {"GET", "/v2/endpoints/" + e + "/status", null});
    r.add(new String[] {"PUT", "/v2/endpoints/" + e + "/sharing", "{\"public\":false}"});
    r.add(new String[] {"DELETE", "/v2/endpoints/" + e, null});
    r.add(new String[] {"POST", "/v2/submit", submission(f, e)});
    r.add(new String[] {"GET", "/v2/tasks/" + t, null});
    r.add(new String[] {"GET", "/v2/tasks/" + t + "/result", null});
    r.add(new String[] {"GET", "/v2/tasks/" + t + "/output?stdout_offset=0&stderr_offset=0", null});
    r.add(new String[] {"POST", "/v2/tasks/" + t + "/cancel", "{}"});
    r.add(new String[] {"POST", "/v2/batch_status", "{\"task_ids\":[\"" + t + "\"]}"});
    r.add(new String[] {"GET", "/v2/task_groups/" + aliceGroup, null});
    r.add(new String[] {"GET", "/v2/activity", null});
    r.add(new String[] {"GET", "/v2/activity/charts/tasks_per_second.svg", null});
    return r;
  }

  @Test
  void without_a_valid_token_every_route_but_discovery_is_401_and_says_how_to_log_in()
      throws Exception {
    for (String[] route : routes()) {
      for (String token : new String[] {null, "not-a-token", ""}) {
        var a = api.call(token, route[0], route[1], route[2]);
        assertThat(a.status()).as("%s %s with token %s", route[0], route[1], token).isEqualTo(401);
        assertThat(a.code()).isIn("missing_token", "invalid_token");
        assertThat(a.wwwAuthenticate()).startsWith("Bearer");
      }
    }
    assertThat(api.call(null, "GET", "/v2/version", null).status()).isEqualTo(200);
    assertThat(api.call(null, "GET", "/.well-known/oauth-authorization-server", null).status())
        .isEqualTo(200);
    assertThat(api.call(null, "GET", "/oauth/jwks", null).body().getAsJsonArray("keys")).hasSize(1);
    assertThat(
            api.call(null, "GET", "/v2/version", null)
                .body()
                .getAsJsonObject("auth")
                .get("device_authorization_endpoint")
                .getAsString())
        .endsWith("/oauth/device_authorization");
  }

  @Test
  void secrets_on_disk_are_readable_by_their_owner_only() throws Exception {
    for (String file :
        List.of("admin-password", "local-client.json", "signing-key.jwk", "forwarder-curve.json")) {
      assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(file)))
          .as(file)
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void an_endpoint_agent_token_reaches_only_its_own_endpoint_record() throws Exception {
    for (String[] route : routes()) {
      var a = api.call(endpointAgent, route[0], route[1], route[2]);
      boolean own =
          route[0].equals("GET")
              && (route[1].equals("/v2/endpoints/" + aliceEndpoint)
                  || route[1].equals("/v2/endpoints/" + aliceEndpoint + "/status")
                  || route[1].equals("/v2/whoami"));
      if (own) {
        assertThat(a.status()).as("%s %s", route[0], route[1]).isEqualTo(200);
      } else {
        assertThat(a.status()).as("%s %s", route[0], route[1]).isEqualTo(403);
        assertThat(a.code()).isEqualTo("insufficient_scope");
      }
    }
    String other =
        api.call(alice, "POST", "/v2/endpoints", "{\"name\":\"second\"}")
            .body()
            .get("endpoint_id")
            .getAsString();
    assertThat(api.call(endpointAgent, "GET", "/v2/endpoints/" + other, null).status())
        .isEqualTo(404);
  }

  @Test
  void user_tokens_lack_the_admin_scope_and_admins_create_users() throws Exception {
    var refused =
        api.call(
            alice,
            "POST",
            "/v2/users",
            "{\"username\":\"eve\",\"password\":\"long enough password\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("insufficient_scope");
    var created =
        api.call(
            admin,
            "POST",
            "/v2/users",
            "{\"username\":\"dave\",\"password\":\"long enough password\",\"groups\":[\"lab\"]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            api.call(
                    admin,
                    "POST",
                    "/v2/users",
                    "{\"username\":\"dave\",\"password\":\"long enough password\"}")
                .status())
        .isEqualTo(409);
    assertThat(
            api.call(admin, "POST", "/v2/users", "{\"username\":\"frank\",\"password\":\"short\"}")
                .code())
        .isEqualTo("weak_password");
  }

  @Test
  void another_users_private_objects_do_not_exist_for_them() throws Exception {
    for (String[] route : routes()) {
      boolean objectRoute =
          route[1].contains(aliceFunction)
              || route[1].contains(aliceEndpoint)
              || route[1].contains(aliceTask)
              || route[1].contains(aliceGroup);
      if (!objectRoute) continue;
      var a = api.call(bob, route[0], route[1], route[2]);
      assertThat(a.status()).as("%s %s as bob", route[0], route[1]).isEqualTo(404);
    }
    var submit = api.call(bob, "POST", "/v2/submit", submission(aliceFunction, aliceEndpoint));
    assertThat(submit.status()).isEqualTo(404);
    var status =
        api.call(bob, "POST", "/v2/batch_status", "{\"task_ids\":[\"" + aliceTask + "\"]}");
    assertThat(status.body().getAsJsonArray("unknown")).hasSize(1);
    assertThat(status.body().getAsJsonObject("results").size()).isZero();
    assertThat(
            api.call(bob, "GET", "/v2/endpoints", null)
                .body()
                .getAsJsonArray("endpoints")
                .toString())
        .doesNotContain(aliceEndpoint);
    // and alice still has everything
    assertThat(api.call(alice, "GET", "/v2/tasks/" + aliceTask, null).status()).isEqualTo(200);
    assertThat(api.call(alice, "GET", "/v2/functions/" + aliceFunction, null).status())
        .isEqualTo(200);
  }

  @Test
  void shared_objects_can_be_used_but_only_their_owner_changes_them() throws Exception {
    String f =
        api.call(
                alice,
                "POST",
                "/v2/functions",
                "{\"function_code\":\"int two() { return 2; }\"," + "\"groups\":[\"lab\"]}")
            .body()
            .get("function_id")
            .getAsString();
    String e =
        api.call(alice, "POST", "/v2/endpoints", "{\"name\":\"shared\",\"public\":true}")
            .body()
            .get("endpoint_id")
            .getAsString();
    assertThat(api.call(carol, "GET", "/v2/functions/" + f, null).status()).isEqualTo(200);
    assertThat(api.call(bob, "GET", "/v2/functions/" + f, null).status()).isEqualTo(404);
    assertThat(api.call(carol, "DELETE", "/v2/functions/" + f, null).status()).isEqualTo(403);
    assertThat(
            api.call(carol, "PUT", "/v2/functions/" + f + "/sharing", "{\"public\":true}").code())
        .isEqualTo("not_owner");
    assertThat(api.call(carol, "POST", "/v2/submit", submission(f, e)).status()).isEqualTo(202);
    assertThat(api.call(bob, "GET", "/v2/endpoints/" + e, null).status()).isEqualTo(200);
    assertThat(api.call(bob, "DELETE", "/v2/endpoints/" + e, null).status()).isEqualTo(403);
    assertThat(api.call(bob, "POST", "/v2/submit", submission(f, e)).status()).isEqualTo(404);
    // the owner opens the function to everyone, and bob may run it
    assertThat(
            api.call(alice, "PUT", "/v2/functions/" + f + "/sharing", "{\"public\":true}").status())
        .isEqualTo(200);
    assertThat(api.call(bob, "POST", "/v2/submit", submission(f, e)).status()).isEqualTo(202);
  }

  @Test
  void an_endpoint_runs_only_its_allowed_functions() throws Exception {
    String allowed =
        api.call(alice, "POST", "/v2/functions", "{\"function_code\":\"int a() { return 1; }\"}")
            .body()
            .get("function_id")
            .getAsString();
    String other =
        api.call(alice, "POST", "/v2/functions", "{\"function_code\":\"int b() { return 2; }\"}")
            .body()
            .get("function_id")
            .getAsString();
    String e =
        api.call(
                alice,
                "POST",
                "/v2/endpoints",
                "{\"name\":\"strict\",\"allowed_functions\":[\"" + allowed + "\"]}")
            .body()
            .get("endpoint_id")
            .getAsString();
    assertThat(api.call(alice, "POST", "/v2/submit", submission(allowed, e)).status())
        .isEqualTo(202);
    var refused = api.call(alice, "POST", "/v2/submit", submission(other, e));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("function_not_allowed");
  }

  @Test
  void the_result_websocket_needs_a_token_and_pushes_only_the_subscribers_own_tasks()
      throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    URI ws = URI.create(service.url().replace("http", "ws") + "/v2/ws");
    assertThatCode(
            () ->
                http.newWebSocketBuilder()
                    .buildAsync(ws, new WebSocket.Listener() {})
                    .get(5, TimeUnit.SECONDS))
        .hasStackTraceContaining("401");
    JsonObject submitted =
        api.call(alice, "POST", "/v2/submit", submission(aliceFunction, aliceEndpoint)).body();
    String task = submitted.getAsJsonArray("task_ids").get(0).getAsString();
    String group = submitted.get("task_group_id").getAsString();
    assertThat(api.call(alice, "POST", "/v2/tasks/" + task + "/cancel", "{}").status())
        .isEqualTo(200);
    assertThat(pushed(http, ws, bob, group)).isEmpty();
    assertThat(pushed(http, ws, alice, group)).contains(task);
  }

  /** What the WebSocket pushes within two seconds of subscribing to a task group. */
  private static String pushed(java.net.http.HttpClient http, URI ws, String token, String group)
      throws Exception {
    StringBuilder received = new StringBuilder();
    WebSocket socket =
        http.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    synchronized (received) {
                      received.append(data);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(5, TimeUnit.SECONDS);
    socket.sendText("{\"subscribe_group\":\"" + group + "\"}", true).get(5, TimeUnit.SECONDS);
    Thread.sleep(2_000);
    socket.abort();
    synchronized (received) {
      return received.toString();
    }
  }
}
