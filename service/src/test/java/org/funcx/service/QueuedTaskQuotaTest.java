package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.funcx.service.auth.Scope;
import org.funcx.service.store.UnfinishedTaskQuotas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: quotas of unfinished tasks per user (50 here) and per endpoint (80), on a real service
 * over HTTP. A submission that would cross one is refused whole with 429 {@code quota_exceeded}
 * and its figures; tasks that finish, are cancelled or expire free their places; the counts are
 * the same after a restart and never go below zero.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueuedTaskQuotaTest {
  static final UnfinishedTaskQuotas.Limits LIMITS = new UnfinishedTaskQuotas.Limits(50, 80);
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  String alice;
  String bob;
  String function;
  Duration ttl = Duration.ofDays(1);

  void start(Duration taskTtl) throws Exception {
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir)
                .withPorts(0, 0)
                .withQueueLimits(LIMITS)
                .withTaskTtl(taskTtl));
    api = new ApiCaller(service.url());
    alice = ServiceTokens.mint(service, "alice", Set.of(), Scope.COMPUTE);
    bob = ServiceTokens.mint(service, "bob", Set.of(), Scope.COMPUTE);
  }

  /** Stops the service and starts it again on the same data directory. */
  void restart() throws Exception {
    service.close();
    start(ttl);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void users_and_endpoints_queue_up_to_their_limits_all_or_nothing_also_after_a_restart()
      throws Exception {
    start(ttl);
    function = api.registerIdentity(alice);
    public_(alice, "/v2/functions/" + function);
    String neverConnected = endpoint(alice, "never-connects");
    public_(alice, "/v2/endpoints/" + neverConnected);
    String bobs = endpoint(bob, "bobs");

    assertThat(submit(alice, batch(neverConnected, 40), batch(neverConnected, 10)).status())
        .isEqualTo(202);
    assertRefused(submit(alice, batch(neverConnected, 1)), "user", "alice", 50, 50, 1);

    // bob: 10 on his endpoint and 31 on the full one: refused whole, naming the endpoint
    assertRefused(
        submit(bob, batch(bobs, 10), batch(neverConnected, 31)),
        "endpoint",
        neverConnected,
        80,
        50,
        31);
    assertThat(submit(bob, batch(neverConnected, 30)).status()).isEqualTo(202);
    assertRefused(submit(bob, batch(neverConnected, 1)), "endpoint", neverConnected, 80, 80, 1);
    // the refused 10 were not counted: bob still has room for exactly 20
    assertThat(submit(bob, batch(bobs, 20)).status()).isEqualTo(202);
    assertRefused(submit(bob, batch(bobs, 1)), "user", "bob", 50, 50, 1);

    restart();
    assertRefused(submit(alice, batch(neverConnected, 1)), "user", "alice", 50, 50, 1);
    String carol = ServiceTokens.mint(service, "carol", Set.of(), Scope.COMPUTE);
    assertRefused(submit(carol, batch(neverConnected, 1)), "endpoint", neverConnected, 80, 80, 1);
    assertRefused(submit(bob, batch(bobs, 1)), "user", "bob", 50, 50, 1);
  }

  @Test
  void a_streamed_submission_is_refused_while_it_is_read_and_nothing_of_it_counts()
      throws Exception {
    start(ttl);
    function = api.registerIdentity(alice);
    String endpoint = endpoint(alice, "e");
    String task =
        "{\"function_id\":\"" + function + "\",\"endpoint_id\":\"" + endpoint + "\",\"args\":[1]},";
    // 200 MB of tasks: past the 128 MiB body limit, so only a quota checked while reading
    // answers 429 instead of 413
    var body =
        HttpRequest.BodyPublishers.ofInputStream(
            () ->
                new SubmitLimitsTest.Generated(
                    "{\"tasks\":[", task, "]}", SubmitLimitsTest.ATTACK_BYTES));
    var response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(service.url() + "/v2/submit"))
                    .header("Authorization", "Bearer " + alice)
                    .POST(body)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    assertThat(response.body()).contains("\"quota_exceeded\"", "\"current\":0", "\"limit\":50");
    assertThat(submit(alice, batch(endpoint, 50)).status()).isEqualTo(202);
    assertRefused(submit(alice, batch(endpoint, 1)), "user", "alice", 50, 50, 1);
  }

  /**
   * The sequence behind {@code QUEUED -1}: tasks cancelled, then their results arrive late, then
   * they expire, then the service restarts. Each task is counted off once: afterwards the user
   * has room for exactly 50 again, not 55.
   */
  @Test
  void cancelled_finished_and_expired_tasks_free_their_places_and_counts_never_go_negative()
      throws Exception {
    ttl = Duration.ofSeconds(2);
    start(ttl);
    function = api.registerIdentity(alice);
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, alice)) {
      String e = endpoint.endpointId;
      ApiCaller.Answer first = submit(alice, batch(e, 50));
      assertThat(first.status()).isEqualTo(202);
      List<String> ids = new ArrayList<>();
      first.body().getAsJsonArray("task_ids").forEach(id -> ids.add(id.getAsString()));
      assertRefused(submit(alice, batch(e, 1)), "user", "alice", 50, 50, 1);

      for (String id : ids.subList(0, 5)) {
        assertThat(api.call(alice, "POST", "/v2/tasks/" + id + "/cancel", null).status())
            .isEqualTo(200);
      }
      assertRefused(submit(alice, batch(e, 6)), "user", "alice", 50, 45, 6);
      ApiCaller.Answer more = submit(alice, batch(e, 5));
      assertThat(more.status()).isEqualTo(202);
      more.body().getAsJsonArray("task_ids").forEach(id -> ids.add(id.getAsString()));

      // the endpoint answers every task it was sent, the cancelled ones too (late results)
      endpoint.answer(55, "1", 60_000);
      poll("every task to finish and then expire", () -> ids.stream().allMatch(this::gone));
    }
    String idle = endpoint(alice, "idle");
    assertThat(submit(alice, batch(idle, 50)).status()).isEqualTo(202);
    restart();
    assertRefused(submit(alice, batch(idle, 1)), "user", "alice", 50, 50, 1);
  }

  private boolean gone(String taskId) {
    try {
      return api.call(alice, "GET", "/v2/tasks/" + taskId, null).status() == 404;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void poll(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(100);
    }
  }

  private void assertRefused(
      ApiCaller.Answer a, String quota, String id, long limit, long current, long requested) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(429);
    assertThat(a.code()).isEqualTo("quota_exceeded");
    assertThat(a.retryAfter()).isNotNull();
    JsonObject d = a.body().getAsJsonObject("details");
    assertThat(d.get("quota").getAsString()).isEqualTo(quota);
    assertThat(d.get("id").getAsString()).isEqualTo(id);
    assertThat(d.get("limit").getAsLong()).isEqualTo(limit);
    assertThat(d.get("current").getAsLong()).isEqualTo(current);
    assertThat(d.get("requested").getAsLong()).isEqualTo(requested);
  }

  private String endpoint(String token, String name) throws Exception {
    return api.call(token, "POST", "/v2/endpoints", "{\"name\":\"" + name + "\"}")
        .body()
        .get("endpoint_id")
        .getAsString();
  }

  private void public_(String token, String path) throws Exception {
    assertThat(api.call(token, "PUT", path + "/sharing", "{\"public\":true}").status())
        .isEqualTo(200);
  }

  private String batch(String endpoint, int calls) {
    StringBuilder args = new StringBuilder();
    for (int i = 0; i < calls; i++)
      args.append(i == 0 ? "" : ",").append("[").append(i).append("]");
    return "{\"function_id\":\""
        + function
        + "\",\"endpoint_id\":\""
        + endpoint
        + "\",\"args_list\":["
        + args
        + "]}";
  }

  private ApiCaller.Answer submit(String token, String... batches) throws Exception {
    return api.call(
        token, "POST", "/v2/submit", "{\"batches\":[" + String.join(",", batches) + "]}");
  }
}
