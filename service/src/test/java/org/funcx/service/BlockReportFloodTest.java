package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.funcx.core.wire.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admitted endpoint (buggy or hostile) floods its heartbeat with block reports, through a real
 * CURVE link to a real service: a thousand blocks whose every field is 4,000 characters, 16 MB of
 * JSON. The endpoint's REST description shows {@value Messages.BlockReport#MAX_PER_HEARTBEAT} of
 * them, each field cut to its bound, and the service goes on serving the same link.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockReportFloodTest {
  private static final int FIELD_CHARS = 4_000;
  @TempDir Path dir;

  @Test
  void a_heartbeat_flooded_with_block_reports_shows_the_first_32_with_every_field_bounded()
      throws Exception {
    try (FuncxService service =
        FuncxService.start(ServiceConfig.defaults(dir.resolve("svc")).withPorts(0, 0))) {
      ApiCaller api = new ApiCaller(service.url());
      String admin = ServiceTokens.admin(service, dir.resolve("svc"));
      try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
        String big = "x".repeat(FIELD_CHARS);
        List<Messages.BlockReport> flood =
            IntStream.range(0, 1_000)
                .mapToObj(i -> new Messages.BlockReport(i + big, big, big, big, i))
                .toList();
        endpoint.reportLoad(new Messages.Heartbeat(1, 1, 1, 0, 0, null, 1_000, 0, flood));

        String path = "/v2/endpoints/" + endpoint.endpointId;
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    !api.call(admin, "GET", path, null).body().getAsJsonArray("blocks").isEmpty());
        JsonArray blocks = api.call(admin, "GET", path, null).body().getAsJsonArray("blocks");
        assertThat(blocks).hasSize(Messages.BlockReport.MAX_PER_HEARTBEAT);
        for (int i = 0; i < blocks.size(); i++) {
          JsonObject block = blocks.get(i).getAsJsonObject();
          assertThat(block.get("block_id").getAsString())
              .startsWith(Integer.toString(i))
              .hasSize(Messages.BlockReport.MAX_NAME_CHARS)
              .endsWith("…");
          for (String name : List.of("resource_id", "state")) {
            assertThat(block.get(name).getAsString()).hasSize(Messages.BlockReport.MAX_NAME_CHARS);
          }
          assertThat(block.get("detail").getAsString())
              .hasSize(Messages.BlockReport.MAX_DETAIL_CHARS);
          assertThat(block.get("since").getAsLong()).isEqualTo(i);
        }

        // The same link goes on: an ordinary heartbeat replaces the flood.
        endpoint.reportLoad(
            new Messages.Heartbeat(
                1,
                1,
                1,
                0,
                0,
                null,
                1,
                0,
                List.of(new Messages.BlockReport("local-0", "4711", "running", "", 5))));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  JsonObject now = api.call(admin, "GET", path, null).body();
                  return now.getAsJsonArray("blocks").size() == 1
                      && now.get("status").getAsString().equals("online");
                });
      }
    }
  }
}
