package org.funcx.endpoint.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.funcx.endpoint.interchange.LoadSnapshot;
import org.junit.jupiter.api.Test;

/** The block scaler's rules case by case, in process; SlurmEndpointTest runs them on real jobs. */
class ScalingStepTest {
  private static final long NOW = 1_000_000;
  private static final long IDLE_TIMEOUT = 30_000;

  /** min 1, max 3 blocks of 4 workers. */
  private final ScalingStep rules = new ScalingStep(1, 3, IDLE_TIMEOUT, 4);

  private static List<BlockStatus> blocks(String... ids) {
    List<BlockStatus> out = new ArrayList<>();
    for (String id : ids) out.add(new BlockStatus(id, "job-" + id, "running", false, "", 0));
    return out;
  }

  private ScalingStep.Action decide(LoadSnapshot load, List<BlockStatus> active) {
    return rules.decide(load, active, NOW, 0, 0);
  }

  @Test
  void below_min_blocks_one_is_asked_for_even_with_nothing_to_do() {
    assertThat(decide(LoadSnapshot.EMPTY, blocks()))
        .isEqualTo(new ScalingStep.Submit("below min_blocks (0 < 1)"));
  }

  @Test
  void waiting_tasks_ask_for_a_block_only_past_what_connecting_blocks_and_idle_slots_will_take() {
    Map<String, Long> aBusy = Map.of("a", NOW);
    assertThat(decide(new LoadSnapshot(3, 3, aBusy), blocks("a")))
        .as("idle slots take them")
        .isEqualTo(ScalingStep.HOLD);
    assertThat(decide(new LoadSnapshot(4, 3, aBusy), blocks("a")))
        .isEqualTo(new ScalingStep.Submit("4 tasks waiting"));
    // Block b is asked for but its manager has not connected: its 4 workers are coming.
    assertThat(decide(new LoadSnapshot(4, 0, aBusy), blocks("a", "b"))).isEqualTo(ScalingStep.HOLD);
    assertThat(decide(new LoadSnapshot(5, 0, aBusy), blocks("a", "b")))
        .isEqualTo(new ScalingStep.Submit("5 tasks waiting"));
  }

  @Test
  void never_past_max_blocks() {
    Map<String, Long> allBusy = Map.of("a", NOW, "b", NOW, "c", NOW);
    assertThat(decide(new LoadSnapshot(1_000, 0, allBusy), blocks("a", "b", "c")))
        .isEqualTo(ScalingStep.HOLD);
  }

  @Test
  void an_idle_block_past_the_timeout_is_cancelled_only_above_min_and_with_nothing_waiting() {
    Map<String, Long> bIdle = Map.of("a", NOW, "b", NOW - IDLE_TIMEOUT - 1);
    assertThat(decide(new LoadSnapshot(0, 8, bIdle), blocks("a", "b")))
        .isEqualTo(new ScalingStep.Cancel("b"));
    assertThat(decide(new LoadSnapshot(1, 8, bIdle), blocks("a", "b")))
        .as("a task waits")
        .isEqualTo(ScalingStep.HOLD);
    assertThat(decide(new LoadSnapshot(0, 4, Map.of("b", NOW - IDLE_TIMEOUT - 1)), blocks("b")))
        .as("the last block of min_blocks stays")
        .isEqualTo(ScalingStep.HOLD);
    Map<String, Long> bJustIdle = Map.of("a", NOW, "b", NOW - IDLE_TIMEOUT);
    assertThat(decide(new LoadSnapshot(0, 8, bJustIdle), blocks("a", "b")))
        .as("idle exactly the timeout")
        .isEqualTo(ScalingStep.HOLD);
  }

  @Test
  void back_offs_hold_everything_or_only_scaling_out() {
    assertThat(rules.decide(LoadSnapshot.EMPTY, blocks(), NOW, NOW + 1, 0))
        .as("start failures' back-off: not even min_blocks")
        .isEqualTo(ScalingStep.HOLD);
    Map<String, Long> aBusy = Map.of("a", NOW);
    assertThat(rules.decide(new LoadSnapshot(10, 0, aBusy), blocks("a"), NOW, 0, NOW + 1))
        .as("a failed submission's back-off")
        .isEqualTo(ScalingStep.HOLD);
    assertThat(rules.decide(new LoadSnapshot(10, 0, aBusy), blocks("a"), NOW, 0, NOW))
        .isEqualTo(new ScalingStep.Submit("10 tasks waiting"));
  }
}
