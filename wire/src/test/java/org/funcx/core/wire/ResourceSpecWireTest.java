package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.funcx.core.json.Json;
import org.funcx.core.model.BlockShape;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.ResourceSpec.InvalidResourceSpecException;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMsg;

/**
 * Resource specifications ride in tasks and block shapes in registrations; messages of builds from
 * before either still parse (as none), and the bounds hold on every path a value comes in by.
 */
class ResourceSpecWireTest {
  private static WireMessage decode(MessageType type, String json) {
    ZMsg msg = new ZMsg();
    msg.add(new byte[] {(byte) type.ordinal()});
    msg.add(json.getBytes(StandardCharsets.UTF_8));
    return WireMessage.decode(msg);
  }

  private static Messages.TaskSpec task(String json) {
    return decode(MessageType.TASKS, "{\"functions\":{},\"tasks\":[" + json + "]}")
        .body(Messages.Tasks.class)
        .tasks()
        .get(0);
  }

  @Test
  void a_task_carries_its_resource_specification_and_an_older_task_has_none() {
    Messages.TaskSpec ranks =
        new Messages.TaskSpec("t", "h", "[]", 5, "f", new ResourceSpec(2, 4, 3));
    String json = Json.GSON.toJson(ranks);
    assertThat(json)
        .contains("\"resources\":{\"num_nodes\":2,\"ranks_per_node\":4," + "\"cpus_per_rank\":3}");
    assertThat(task(json)).isEqualTo(ranks);
    assertThat(
            task(
                "{\"taskId\":\"t\",\"functionHash\":\"h\",\"argsJson\":\"[]\","
                    + "\"timeoutMillis\":5,\"functionId\":\"f\"}"))
        .isEqualTo(new Messages.TaskSpec("t", "h", "[]", 5, "f", null));
    assertThat(task("{\"taskId\":\"t\",\"resources\":{\"ranks_per_node\":2}}").resources())
        .isEqualTo(new ResourceSpec(1, 2, 1));
  }

  @Test
  void a_task_with_resources_out_of_bounds_does_not_parse() {
    assertThatThrownBy(() -> task("{\"taskId\":\"t\",\"resources\":{\"num_nodes\":0}}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("num_nodes");
    assertThatThrownBy(
            () -> task("{\"taskId\":\"t\",\"resources\":{\"cpus_per_rank\":" + "99999999999}}"))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void an_older_agents_registration_parses_with_no_block_shape() {
    Messages.RegisterEndpoint old =
        decode(
                MessageType.REGISTER_ENDPOINT,
                "{\"endpointId\":\"e\",\"sessionId\":\"s\",\"version\":\"0.1.0\",\"protocol\":3}")
            .body(Messages.RegisterEndpoint.class);
    assertThat(old.blockShape()).isNull();
    Messages.RegisterEndpoint slurm = Messages.RegisterEndpoint.of("e", "s", new BlockShape(2, 8));
    assertThat(
            decode(MessageType.REGISTER_ENDPOINT, Json.GSON.toJson(slurm))
                .body(Messages.RegisterEndpoint.class))
        .isEqualTo(slurm);
  }

  @Test
  void each_field_is_bounded_and_named_when_out_of_range() {
    assertThat(ResourceSpec.of(null, 2, null)).isEqualTo(new ResourceSpec(1, 2, 1));
    for (var bad :
        Map.of(
                "num_nodes",
                new int[] {0, 1, 1},
                "ranks_per_node",
                new int[] {1, ResourceSpec.MAX_RANKS_PER_NODE + 1, 1},
                "cpus_per_rank",
                new int[] {1, 1, -3})
            .entrySet()) {
      int[] v = bad.getValue();
      assertThatThrownBy(() -> new ResourceSpec(v[0], v[1], v[2]))
          .isInstanceOfSatisfying(
              InvalidResourceSpecException.class,
              e -> assertThat(e.field()).isEqualTo(bad.getKey()))
          .hasMessageContaining("resource_specification." + bad.getKey());
    }
  }

  @Test
  void a_block_shape_says_which_figure_does_not_fit() {
    BlockShape block = new BlockShape(1, 8);
    assertThat(block.refusal(new ResourceSpec(1, 4, 2))).isNull();
    assertThat(block.refusal(new ResourceSpec(1, 16, 1)))
        .isEqualTo(
            "16 ranks per node x 1 CPUs"
                + " per rank = 16 CPUs per node requested, but a block of this endpoint has 8 CPUs per"
                + " node");
    assertThat(block.refusal(new ResourceSpec(3, 1, 1)))
        .isEqualTo("3 nodes requested, but a block of this endpoint has 1");
  }
}
