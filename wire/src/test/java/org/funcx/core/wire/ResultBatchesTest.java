package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.funcx.core.wire.Messages.TaskResult;
import org.junit.jupiter.api.Test;

class ResultBatchesTest {
  private static ResultEnvelope printing(int i, int chars) {
    TaskResult r = TaskResult.success("t" + i, "1");
    return ResultEnvelope.json(chars == 0 ? r : r.withOutput("x".repeat(chars), null));
  }

  @Test
  void quiet_results_are_cut_by_count_only() {
    List<ResultEnvelope> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) all.add(printing(i, 0));
    assertThat(ResultBatches.split(all, 10)).extracting(List::size).containsExactly(10, 10, 5);
  }

  @Test
  void printed_output_is_budgeted_per_message_and_one_result_always_goes() {
    int full = (int) ResultBatches.OUTPUT_CHARS_PER_MESSAGE;
    List<ResultEnvelope> all =
        List.of(
            printing(0, full / 2),
            printing(1, full / 2),
            printing(2, 1),
            printing(3, full * 3),
            printing(4, 0),
            printing(5, 10));
    assertThat(ResultBatches.split(all, 10_000))
        .extracting(List::size)
        .containsExactly(2, 1, 1, 2); // [0,1] fill the budget, 2 alone, 3 alone (too big), [4,5]
  }

  @Test
  void output_survives_the_wire_encoding() {
    TaskResult printed = TaskResult.success("t", "1").withOutput("é\n", "warn\u0000\n");
    WireMessage sent = ResultEnvelope.pack(List.of(ResultEnvelope.json(printed)), 0);
    var frames = new org.zeromq.ZMsg();
    frames.add(new byte[] {(byte) sent.type().ordinal()});
    frames.add(
        org.funcx.core.json.Json.GSON
            .toJson(sent.body())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var back = ResultEnvelope.unpack(WireMessage.decode(frames));
    assertThat(back.get(0).result()).isEqualTo(printed);
  }
}
