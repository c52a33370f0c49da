package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.jvm.OutputTail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tasks printed, as the service keeps and serves it: a real service, an endpoint speaking
 * the wire protocol over its CURVE link, task documents read over REST. An endpoint that sends
 * more than the per-stream bound has it cut to the last 1 MiB; the service keeps serving.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrintedOutputLimitTest {
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  String admin;

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    admin = ServiceTokens.admin(service, dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void printed_output_is_served_with_the_task_and_oversized_output_is_cut() throws Exception {
    String function = api.registerIdentity(admin);
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String printed = submit(function, endpoint.endpointId);
      endpoint.answer(
          1,
          20_000,
          id ->
              ResultEnvelope.json(
                  Messages.TaskResult.success(id, "1").withOutput("hello\n", "careful\n")));
      JsonObject doc = finished(printed);
      assertThat(doc.get("stdout").getAsString()).isEqualTo("hello\n");
      assertThat(doc.get("stderr").getAsString()).isEqualTo("careful\n");

      String quiet = submit(function, endpoint.endpointId);
      endpoint.answer(1, "2", 20_000);
      JsonObject quietDoc = finished(quiet);
      assertThat(quietDoc.has("stdout")).isFalse();
      assertThat(quietDoc.has("stderr")).isFalse();

      // 5 MiB "printed" from a rogue endpoint: stored and served as its last 1 MiB.
      String flood = "x".repeat(5 << 20) + "last line\n";
      String big = submit(function, endpoint.endpointId);
      endpoint.answer(
          1,
          60_000,
          id -> ResultEnvelope.json(Messages.TaskResult.success(id, "3").withOutput(flood, null)));
      JsonObject bigDoc = finished(big);
      String kept = bigDoc.get("stdout").getAsString();
      long dropped = flood.length() - OutputTail.DEFAULT_LIMIT;
      assertThat(kept)
          .startsWith("[… " + String.format("%,d", dropped) + " bytes dropped …]\n")
          .endsWith("xlast line\n");
      assertThat(kept.getBytes(StandardCharsets.UTF_8).length)
          .isLessThan(OutputTail.DEFAULT_LIMIT + 64);
      assertThat(bigDoc.get("result").getAsInt()).isEqualTo(3);

      String after = submit(function, endpoint.endpointId); // still serving
      endpoint.answer(1, "4", 20_000);
      assertThat(finished(after).get("result").getAsInt()).isEqualTo(4);
    }
  }

  private JsonObject finished(String task) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Set.of("success", "failed")
                    .contains(
                        api.call(admin, "GET", "/v2/tasks/" + task, null)
                            .body()
                            .get("status")
                            .getAsString()));
    try {
      return api.call(admin, "GET", "/v2/tasks/" + task, null).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String submit(String function, String endpoint) throws Exception {
    var answer =
        api.call(
            admin,
            "POST",
            "/v2/submit",
            "{\"tasks\":[{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint
                + "\",\"args\":[1]}]}");
    assertThat(answer.status()).isEqualTo(202);
    return answer.body().getAsJsonArray("task_ids").get(0).getAsString();
  }
}
