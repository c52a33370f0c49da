package org.funcx.kernel.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {
  private final SessionHistory history = new SessionHistory();
  private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

  @BeforeEach
  void cells() {
    history.add(1, "6 * 7", "42");
    history.add(2, "int x = 1;", "");
    history.add(3, "6 * 7", "42");
    history.add(4, "x + 1", "2");
  }

  @Test
  void tail_returns_the_last_cells_oldest_first_with_output_when_asked() {
    assertThat(history.lookupTail(2, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)))
        .extracting(HistoryEntry::getCellNumber, HistoryEntry::getOutput)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "42"),
            org.assertj.core.groups.Tuple.tuple(4, "2"));
    assertThat(history.lookupTail(1, NONE).get(0).hasOutput()).isFalse();
  }

  @Test
  void range_is_start_inclusive_stop_exclusive_in_this_session_only() {
    assertThat(history.lookupRange(1, 2, 4, NONE))
        .extracting(HistoryEntry::getCellNumber)
        .containsExactly(2, 3);
    assertThat(history.lookupRange(0, 4, 5, NONE)).hasSize(1);
    assertThat(history.lookupRange(-1, 1, 5, NONE)).isEmpty();
  }

  @Test
  void search_matches_globs_on_the_whole_input_and_can_drop_repeats() {
    assertThat(history.search("6 ? 7", 10, NONE))
        .extracting(HistoryEntry::getCellNumber)
        .containsExactly(1, 3);
    assertThat(history.search("6 ? 7", 10, EnumSet.of(ResultFlag.UNIQUE)))
        .extracting(HistoryEntry::getCellNumber)
        .containsExactly(3);
    assertThat(history.search("*x*", 1, NONE))
        .extracting(HistoryEntry::getCellNumber)
        .containsExactly(4);
    assertThat(history.search("[0-9] [*] 7", 10, NONE)).hasSize(2);
    assertThat(history.search("[^6]*", 10, NONE))
        .extracting(HistoryEntry::getInput)
        .containsExactly("int x = 1;", "x + 1");
    assertThat(history.search("6", 10, NONE)).isEmpty();
  }
}
