package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.service.auth.MetricsToken;
import org.funcx.service.auth.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a real service with an endpoint speaking the wire protocol over CURVE:
 * the counters equal the tasks run, per outcome kind, during and after the run; the text parses
 * as the Prometheus format; labels never carry ids or made-up paths; only administrators and the
 * metrics token may read it; the token file's bounds hold.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dir;
  FuncxService service;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  private String tokenFile(String token) throws Exception {
    Path file = dir.resolve("metrics-token");
    Files.writeString(file, token + "\n");
    return file.toString();
  }

  @Test
  void counters_equal_the_tasks_run_per_kind_during_and_after_a_run() throws Exception {
    String metricsToken = "prometheus-" + UUID.randomUUID();
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir.resolve("svc"))
                .withPorts(0, 0)
                .withMetricsTokenFile(Path.of(tokenFile(metricsToken))));
    ApiCaller api = new ApiCaller(service.url());
    String admin = ServiceTokens.admin(service, dir.resolve("svc"));
    String user = ServiceTokens.mint(service, "alice", Set.of(), Scope.COMPUTE);

    assertThat(scrapeStatus(null)).isEqualTo(401);
    assertThat(scrapeStatus("not-the-token-and-not-a-jwt")).isEqualTo(401);
    assertThat(scrapeStatus(user)).isEqualTo(403);
    assertThat(scrapeStatus(admin)).isEqualTo(200);
    assertThat(scrapeStatus(metricsToken)).isEqualTo(200);

    String function = api.registerIdentity(admin);
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      Map<String, String> ep = Map.of("endpoint", endpoint.endpointId);
      List<String> ids = submit(api, admin, function, endpoint.endpointId, 20, false);

      // During the run: all received, none finished, all unfinished.
      PrometheusText during = scrape(metricsToken);
      assertThat(during.sum("funcx_tasks_received_total", ep)).isEqualTo(20);
      assertThat(during.sum("funcx_tasks_finished_total", ep)).isZero();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                PrometheusText now = scrape(metricsToken);
                assertThat(now.sum("funcx_tasks_unfinished", Map.of())).isEqualTo(20);
                assertThat(now.sum("funcx_endpoint_tasks_unfinished", ep)).isEqualTo(20);
                assertThat(now.sum("funcx_endpoints_connected", Map.of())).isEqualTo(1);
              });

      // Two are cancelled; the endpoint answers the rest with each outcome kind.
      for (String id : ids.subList(0, 2)) {
        assertThat(api.call(admin, "POST", "/v2/tasks/" + id + "/cancel", "{}").status())
            .isEqualTo(200);
      }
      Map<String, ResultEnvelope> outcomes = new HashMap<>();
      for (int i = 2; i < 20; i++) {
        String id = ids.get(i);
        Messages.TaskResult r =
            i < 12
                ? Messages.TaskResult.success(id, "1")
                : i < 16
                    ? Messages.TaskResult.failure(
                        id, TaskError.of(ErrorKind.REMOTE_EXCEPTION, "boom"))
                    : i < 18
                        ? Messages.TaskResult.failure(
                            id, TaskError.of(ErrorKind.TIMEOUT, "too slow"))
                        : Messages.TaskResult.failure(
                            id, TaskError.of(ErrorKind.WORKER_LOST, "gone"));
        outcomes.put(id, ResultEnvelope.json(r));
      }
      endpoint.answer(
          20,
          WAIT.toMillis(),
          id ->
              outcomes.getOrDefault(id, ResultEnvelope.json(Messages.TaskResult.success(id, "1"))));
      await()
          .atMost(WAIT)
          .until(() -> scrape(metricsToken).sum("funcx_tasks_finished_total", ep) >= 20);

      PrometheusText after = scrape(metricsToken);
      assertThat(after.sum("funcx_tasks_received_total", ep)).isEqualTo(20);
      assertThat(kinds(after, ep))
          .isEqualTo(
              Map.of(
                  "success",
                  10.0,
                  "remote_exception",
                  4.0,
                  "timeout",
                  2.0,
                  "worker_lost",
                  2.0,
                  "cancelled",
                  2.0));
      assertThat(after.sum("funcx_tasks_dispatched_total", ep)).isBetween(18.0, 20.0);
      assertThat(after.sum("funcx_tasks_end_to_end_seconds_count", Map.of())).isEqualTo(20);
      assertThat(after.sum("funcx_store_commit_seconds_count", Map.of())).isPositive();
      assertThat(after.sum("funcx_endpoint_link_received_bytes_total", ep)).isPositive();
      assertThat(after.sum("funcx_endpoint_link_sent_bytes_total", ep)).isPositive();
      assertThat(
              after.sum(
                  "funcx_http_requests_seconds_count",
                  Map.of("route", "/v2/submit", "status", "2xx")))
          .isEqualTo(1);
      await()
          .atMost(WAIT)
          .until(() -> scrape(metricsToken).sum("funcx_tasks_unfinished", Map.of()) == 0);

      // A memoized task: the second submission is answered at once and counted as a memo hit.
      String first = submit(api, admin, function, endpoint.endpointId, 1, true).get(0);
      endpoint.answer(1, "7", WAIT.toMillis());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "success"
                      .equals(
                          api.call(admin, "GET", "/v2/tasks/" + first, null)
                              .body()
                              .get("status")
                              .getAsString()));
      submit(api, admin, function, endpoint.endpointId, 1, true);
      PrometheusText memo = scrape(metricsToken);
      assertThat(memo.sum("funcx_tasks_memo_hits_total", ep)).isEqualTo(1);
      assertThat(memo.sum("funcx_tasks_received_total", ep)).isEqualTo(22);
      assertThat(
              memo.sum(
                  "funcx_tasks_finished_total",
                  Map.of("endpoint", endpoint.endpointId, "kind", "success")))
          .isEqualTo(12);
      assertThat(memo.sum("funcx_tasks_end_to_end_seconds_count", Map.of())).isEqualTo(21);

      // What the endpoint reports with its heartbeats.
      endpoint.reportLoad(new Messages.Heartbeat(2, 8, 3, 5, 5, null, 3, 1));
      await().atMost(WAIT).until(() -> scrape(metricsToken).sum("funcx_endpoint_blocks", ep) == 3);
      PrometheusText load = scrape(metricsToken);
      assertThat(load.sum("funcx_endpoint_managers", ep)).isEqualTo(2);
      assertThat(load.sum("funcx_endpoint_workers", ep)).isEqualTo(8);
      assertThat(load.sum("funcx_endpoint_workers_idle", ep)).isEqualTo(3);
      assertThat(load.sum("funcx_endpoint_workers_busy", ep)).isEqualTo(5);
      assertThat(load.sum("funcx_endpoint_blocks_pending", ep)).isEqualTo(1);
      assertThat(load.sum("funcx_endpoint_tasks_queued", ep)).isEqualTo(5);
      assertThat(load.sum("funcx_endpoint_tasks_running", ep)).isEqualTo(5);

      // JVM figures are there; no task id is ever a label value.
      for (String jvm :
          List.of(
              "jvm_memory_used_bytes",
              "jvm_threads_live_threads",
              "jvm_gc_memory_allocated_bytes_total")) {
        assertThat(load.has(jvm)).as(jvm).isTrue();
      }
      String text = scrapeText(metricsToken).body();
      for (String id : ids) assertThat(text).doesNotContain(id);
    }
  }

  @Test
  void labels_stay_bounded_when_a_client_probes_made_up_paths_and_ids() throws Exception {
    String metricsToken = "prometheus-" + UUID.randomUUID();
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir.resolve("svc"))
                .withPorts(0, 0)
                .withMetricsTokenFile(Path.of(tokenFile(metricsToken))));
    ApiCaller api = new ApiCaller(service.url());
    String admin = ServiceTokens.admin(service, dir.resolve("svc"));
    List<String> probes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String probe = UUID.randomUUID().toString();
      probes.add(probe);
      assertThat(api.call(admin, "GET", "/v2/no-such-" + probe, null).status()).isEqualTo(404);
      assertThat(api.call(admin, "GET", "/v2/tasks/" + probe, null).status()).isEqualTo(404);
      assertThat(api.call(null, "GET", "/v2/functions/" + probe, null).status()).isEqualTo(401);
    }
    String text = scrapeText(metricsToken).body();
    PrometheusText parsed = PrometheusText.parse(text);
    assertThat(
            parsed.sum(
                "funcx_http_requests_seconds_count", Map.of("route", "unmatched", "status", "4xx")))
        .isEqualTo(20);
    assertThat(
            parsed.sum(
                "funcx_http_requests_seconds_count",
                Map.of("route", "/v2/tasks/{id}", "status", "4xx")))
        .isEqualTo(20);
    assertThat(
            parsed.sum(
                "funcx_http_requests_seconds_count",
                Map.of("route", "/v2/functions/{id}", "status", "4xx")))
        .isEqualTo(20);
    for (String probe : probes) assertThat(text).doesNotContain(probe);
    Set<String> routes = new java.util.HashSet<>();
    parsed.samples.stream()
        .filter(s -> s.name().startsWith("funcx_http_requests"))
        .forEach(s -> routes.add(s.labels().get("route")));
    assertThat(routes).allMatch(r -> r.equals("unmatched") || r.startsWith("/"));
    assertThat(routes.size()).isLessThan(10);
  }

  @Test
  void without_a_token_file_only_administrators_read_the_figures_and_scrapes_are_rate_limited()
      throws Exception {
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir.resolve("svc"))
                .withPorts(0, 0)
                .withRequestsPerSecond(0.01)); // one request, then 429 for the next 100 s
    assertThat(scrapeStatus("prometheus-" + UUID.randomUUID())).isEqualTo(401);
    HttpResponse<String> limited = scrapeText(null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("rate_limited");
  }

  @Test
  void a_token_file_too_large_too_short_or_missing_stops_the_start_with_a_clear_error()
      throws Exception {
    Path big = dir.resolve("big");
    Files.write(big, new byte[MetricsToken.MAX_FILE_BYTES + 1]);
    Path weak = dir.resolve("weak");
    Files.writeString(weak, "secret\n");
    Path spaced = dir.resolve("spaced");
    Files.writeString(spaced, "a token with spaces in it, long enough\n");
    for (Path bad : List.of(big, weak, spaced, dir.resolve("missing"))) {
      assertThatThrownBy(
              () ->
                  FuncxService.start(
                      ServiceConfig.defaults(dir.resolve("svc"))
                          .withPorts(0, 0)
                          .withMetricsTokenFile(bad)))
          .isInstanceOf(MetricsToken.InvalidTokenFileException.class)
          .hasMessageContaining(bad.toString());
    }
  }

  private Map<String, Double> kinds(PrometheusText text, Map<String, String> endpoint) {
    Map<String, Double> kinds = new HashMap<>();
    text.samples.stream()
        .filter(
            s ->
                s.name().equals("funcx_tasks_finished_total")
                    && s.labels().entrySet().containsAll(endpoint.entrySet())
                    && s.value() > 0)
        .forEach(s -> kinds.merge(s.labels().get("kind"), s.value(), Double::sum));
    return kinds;
  }

  private List<String> submit(
      ApiCaller api, String token, String function, String endpoint, int count, boolean cache)
      throws Exception {
    StringBuilder body = new StringBuilder("{\"tasks\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) body.append(',');
      body.append("{\"function_id\":\"")
          .append(function)
          .append("\",\"endpoint_id\":\"")
          .append(endpoint)
          .append("\",\"args\":[")
          .append(cache ? 7 : i)
          .append("],\"cache\":")
          .append(cache)
          .append('}');
    }
    var answer = api.call(token, "POST", "/v2/submit", body.append("]}").toString());
    assertThat(answer.status()).isEqualTo(202);
    JsonArray ids = answer.body().getAsJsonArray("task_ids");
    List<String> out = new ArrayList<>();
    ids.forEach(id -> out.add(id.getAsString()));
    return out;
  }

  private PrometheusText scrape(String token) throws Exception {
    HttpResponse<String> response = scrapeText(token);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain")
        .contains("version=0.0.4");
    return PrometheusText.parse(response.body());
  }

  private int scrapeStatus(String token) throws Exception {
    return scrapeText(token).statusCode();
  }

  private HttpResponse<String> scrapeText(String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(service.url() + "/metrics")).GET();
    if (token != null) request.header("Authorization", "Bearer " + token);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
