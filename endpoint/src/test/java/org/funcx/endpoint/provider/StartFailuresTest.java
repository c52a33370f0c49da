package org.funcx.endpoint.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StartFailuresTest {
  private static BlockStatus ended(String id, String state) {
    return new BlockStatus(id, "1", state, true, id + " exited with code 1: Too small heap", 0);
  }

  private static BlockStatus running(String id) {
    return new BlockStatus(id, "1", "running", false, "", 0);
  }

  @Test
  void blocks_that_die_before_connecting_back_off_doubling_up_to_a_minute() {
    StartFailures failures = new StartFailures();
    List<BlockStatus> blocks = new ArrayList<>();
    long now = 1_000_000;
    long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
    for (int i = 0; i < expected.length; i++) {
      blocks.add(ended("local-" + i, "failed"));
      failures.observe(blocks, Set.of(), now);
      assertThat(failures.retryAtMillis() - now)
          .as("after failure %d", i + 1)
          .isEqualTo(expected[i]);
      failures.observe(blocks, Set.of(), now); // seen again: not counted twice
      assertThat(failures.inARow()).isEqualTo(i + 1);
    }
    assertThat(failures.problem(now))
        .startsWith(
            "8 blocks in a row ended before a manager"
                + " connected; the last: local-7 exited with code 1: Too small heap; next try in 60 s");
  }

  @Test
  void a_block_that_connects_resets_the_count_and_cancelled_blocks_are_not_failures() {
    StartFailures failures = new StartFailures();
    failures.observe(List.of(ended("local-0", "failed")), Set.of(), 0);
    assertThat(failures.problem(0)).isNotNull();
    failures.observe(List.of(ended("local-0", "failed"), running("local-1")), Set.of("local-1"), 0);
    assertThat(failures.problem(0)).isNull();
    assertThat(failures.retryAtMillis()).isZero();
    failures.observe(List.of(ended("local-2", "cancelled")), Set.of(), 0);
    assertThat(failures.inARow()).isZero();
    // a block that had connected and then ended is no start failure either
    failures.observe(List.of(running("local-3")), Set.of("local-3"), 0);
    failures.observe(List.of(ended("local-3", "failed")), Set.of(), 0);
    assertThat(failures.inARow()).isZero();
  }
}
