package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMsg;

/**
 * The heartbeat gained block counts; agents released before keep talking to a newer service and
 * the other way round: missing fields read as 0, unknown ones are ignored.
 */
class HeartbeatCompatibilityTest {
  private static WireMessage decode(String json) {
    ZMsg msg = new ZMsg();
    msg.add(new byte[] {(byte) MessageType.HEARTBEAT.ordinal()});
    msg.add(json.getBytes(StandardCharsets.UTF_8));
    return WireMessage.decode(msg);
  }

  @Test
  void an_older_agents_heartbeat_parses_with_no_blocks() {
    Messages.Heartbeat old =
        decode(
                "{\"managers\":2,\"workers\":8,\"idleWorkers\":3,"
                    + "\"queued\":4,\"running\":5,\"problem\":\"slurm down\"}")
            .body(Messages.Heartbeat.class);
    assertThat(old).isEqualTo(new Messages.Heartbeat(2, 8, 3, 4, 5, "slurm down", 0, 0));
  }

  @Test
  void block_counts_round_trip_and_unknown_fields_from_a_newer_agent_are_ignored() {
    Messages.Heartbeat sent = new Messages.Heartbeat(1, 2, 1, 0, 1, null, 3, 1);
    String json = org.funcx.core.json.Json.GSON.toJson(sent);
    assertThat(decode(json).body(Messages.Heartbeat.class)).isEqualTo(sent);
    String newer = json.substring(0, json.length() - 1) + ",\"gpus\":4}";
    assertThat(decode(newer).body(Messages.Heartbeat.class)).isEqualTo(sent);
  }

  @Test
  void block_reports_round_trip_an_older_heartbeat_has_none_and_at_most_32_are_read() {
    var job = new Messages.BlockReport("hpc-1", "4711", "pending", "Resources", 1_000);
    Messages.Heartbeat sent = new Messages.Heartbeat(0, 0, 0, 0, 0, null, 1, 1, List.of(job));
    String json = org.funcx.core.json.Json.GSON.toJson(sent);
    assertThat(decode(json).body(Messages.Heartbeat.class).blockList()).containsExactly(job);
    assertThat(new Messages.Heartbeat(1, 2, 1, 0, 1, null, 3, 1).blockList()).isEmpty();

    List<Messages.BlockReport> many =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> new Messages.BlockReport("b" + i, "" + i, "running", "", i))
            .toList();
    Messages.Heartbeat flood =
        decode(
                org.funcx.core.json.Json.GSON.toJson(
                    new Messages.Heartbeat(0, 0, 0, 0, 0, null, 100, 0, many)))
            .body(Messages.Heartbeat.class);
    assertThat(flood.blockList())
        .hasSize(Messages.BlockReport.MAX_PER_HEARTBEAT)
        .isEqualTo(many.subList(0, Messages.BlockReport.MAX_PER_HEARTBEAT));
  }

  @Test
  void a_bounded_report_has_no_null_names_of_at_most_64_and_a_detail_of_at_most_200_characters() {
    var empty = new Messages.BlockReport(null, null, null, null, 5).bounded();
    assertThat(empty).isEqualTo(new Messages.BlockReport("", "", "", "", 5));
    var fine = new Messages.BlockReport("hpc-1", "4711", "pending", "Resources", 7);
    assertThat(fine.bounded()).isEqualTo(fine);
    String huge = "x".repeat(10_000);
    var cut = new Messages.BlockReport(huge, huge, huge, huge, 9).bounded();
    for (String name : List.of(cut.blockId(), cut.resourceId(), cut.state())) {
      assertThat(name).hasSize(Messages.BlockReport.MAX_NAME_CHARS).endsWith("x…");
    }
    assertThat(cut.detail()).hasSize(Messages.BlockReport.MAX_DETAIL_CHARS).endsWith("x…");
  }
}
