package org.funcx.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SlurmJobStateTest {

  @ParameterizedTest
  @EnumSource(value = SlurmJobState.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
  void every_state_maps_back_from_its_name_and_its_squeue_code(SlurmJobState state) {
    assertThat(SlurmJobState.fromName(state.name())).isSameAs(state);
    assertThat(SlurmJobState.fromCode(state.code())).isSameAs(state);
  }

  @Test
  void squeue_codes_are_unique_and_non_empty() {
    assertThat(
            Arrays.stream(SlurmJobState.values())
                .filter(s -> s != SlurmJobState.UNKNOWN)
                .map(SlurmJobState::code))
        .doesNotHaveDuplicates()
        .allSatisfy(code -> assertThat(code).isNotBlank());
  }

  @Test
  void states_slurm_never_leaves_are_exactly_the_terminal_ones() {
    EnumSet<SlurmJobState> terminal = EnumSet.noneOf(SlurmJobState.class);
    Arrays.stream(SlurmJobState.values()).filter(SlurmJobState::isTerminal).forEach(terminal::add);

    assertThat(terminal)
        .containsExactlyInAnyOrder(
            SlurmJobState.BOOT_FAIL,
            SlurmJobState.CANCELLED,
            SlurmJobState.COMPLETED,
            SlurmJobState.DEADLINE,
            SlurmJobState.FAILED,
            SlurmJobState.NODE_FAIL,
            SlurmJobState.OUT_OF_MEMORY,
            SlurmJobState.PREEMPTED,
            SlurmJobState.REVOKED,
            SlurmJobState.TIMEOUT);
  }

  @Test
  void unknown_or_missing_strings_map_to_unknown() {
    assertThat(SlurmJobState.fromName("REQUEUE_CRON")).isSameAs(SlurmJobState.UNKNOWN);
    assertThat(SlurmJobState.fromName(null)).isSameAs(SlurmJobState.UNKNOWN);
    assertThat(SlurmJobState.fromCode("")).isSameAs(SlurmJobState.UNKNOWN);
    assertThat(SlurmJobState.UNKNOWN.isTerminal()).isFalse();
  }
}
