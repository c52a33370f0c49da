package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint (or a function's result encoder gone wrong) returns JSON text that closes the
 * result value and adds fields: the task fails with a typed error and the task document holds no
 * field it did not write; a real JSON result still round-trips unchanged.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultInjectionTest {
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
  void a_result_that_is_not_one_json_value_fails_the_task_and_injects_nothing() throws Exception {
    String function = api.registerIdentity(admin);
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String bad = submit(function, endpoint.endpointId);
      endpoint.answer(1, "1,\"status\":\"success\",\"injected\":true", 20_000);
      JsonObject doc = finished(bad);
      assertThat(doc.has("injected")).isFalse();
      assertThat(doc.get("status").getAsString()).isEqualTo("failed");
      assertThat(doc.getAsJsonObject("error").get("kind").getAsString())
          .isEqualTo("serialization_error");

      String good = submit(function, endpoint.endpointId);
      endpoint.answer(1, "{\"a\":[1,\"x\\\"y\"]}", 20_000);
      JsonObject ok = finished(good);
      assertThat(ok.get("status").getAsString()).isEqualTo("success");
      assertThat(ok.get("result").toString()).isEqualTo("{\"a\":[1,\"x\\\"y\"]}");
    }
  }

  private JsonObject finished(String task) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                java.util.Set.of("success", "failed")
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
