package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One scrape of the service sees the federation: a real endpoint (agent, interchange, manager
 * processes) runs tasks, half of them failing, and {@code /metrics} counts them per outcome, with
 * the managers, workers and blocks the endpoint reported in its heartbeats.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class MetricsClusterTest {
  private static final String HALF =
      "long half(long x) { if (x % 2 == 1) throw new"
          + " IllegalArgumentException(\"odd \" + x); return x / 2; }";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_scrape_counts_a_real_endpoints_tasks_by_outcome_and_shows_its_workers_and_blocks()
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(2, 0));
      RegisteredFunction half = client.register(HALF);
      List<String> tasks = new ArrayList<>();
      for (long x = 0; x < 10; x++) {
        tasks.add(
            client.submit(half.id(), endpoint, List.of(x), TaskOptions.DEFAULT).taskIds().get(0));
      }
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> client.batchStatus(tasks).values().stream().allMatch(s -> s.finished()));

      assertThat(scrape(cluster, null).statusCode()).isEqualTo(401);
      String admin = adminToken(cluster);
      String ep = "endpoint=\"" + endpoint + "\"";
      String text = scrape(cluster, admin).body();
      assertThat(value(text, "funcx_tasks_received_total", ep)).isEqualTo(10);
      assertThat(value(text, "funcx_tasks_dispatched_total", ep)).isGreaterThanOrEqualTo(10);
      assertThat(value(text, "funcx_tasks_finished_total", ep, "kind=\"success\"")).isEqualTo(5);
      assertThat(value(text, "funcx_tasks_finished_total", ep, "kind=\"remote_exception\""))
          .isEqualTo(5);
      assertThat(value(text, "funcx_endpoint_link_received_bytes_total", ep)).isPositive();
      // Heartbeat figures arrive within a beat or two of the endpoint's.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                String now = scrape(cluster, admin).body();
                assertThat(value(now, "funcx_endpoint_connected", ep)).isEqualTo(1);
                assertThat(value(now, "funcx_endpoint_managers", ep)).isEqualTo(1);
                assertThat(value(now, "funcx_endpoint_workers", ep)).isEqualTo(2);
                assertThat(value(now, "funcx_endpoint_workers_idle", ep)).isEqualTo(2);
                assertThat(value(now, "funcx_endpoint_blocks", ep)).isEqualTo(1);
                assertThat(value(now, "funcx_tasks_unfinished")).isZero();
              });
    }
  }

  /** The one sample of {@code name} whose labels include all of {@code labels}. */
  private static double value(String text, String name, String... labels) {
    Pattern sample =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = sample.matcher(text);
    List<Double> found = new ArrayList<>();
    while (m.find()) {
      String got = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (String label : labels) all &= got.contains(label);
      if (all) found.add(Double.parseDouble(m.group(2)));
    }
    assertThat(found).as(name + " " + String.join(",", labels)).hasSize(1);
    return found.get(0);
  }

  private HttpResponse<String> scrape(TestCluster cluster, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(cluster.url + "/metrics")).GET();
    if (token != null) request.header("Authorization", "Bearer " + token);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The administrator's token by client credentials, from the file the service wrote. */
  private String adminToken(TestCluster cluster) throws Exception {
    JsonObject c =
        JsonParser.parseString(
                Files.readString(cluster.home.serviceData().resolve("local-client.json")))
            .getAsJsonObject();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (c.get("client_id").getAsString() + ":" + c.get("client_secret").getAsString())
                    .getBytes(StandardCharsets.UTF_8));
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(cluster.url + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonParser.parseString(response.body())
        .getAsJsonObject()
        .get("access_token")
        .getAsString();
  }
}
