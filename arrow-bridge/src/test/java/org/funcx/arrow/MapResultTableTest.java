package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.funcx.arrow.Fixtures.Point;
import org.funcx.arrow.internal.render.ArrowTypeNames;
import org.junit.jupiter.api.Test;

/** The one-row-per-task table behind {@code %%funcx map}. */
class MapResultTableTest extends AllocatorTest {

  @Test
  void scalar_values_of_one_type_give_a_typed_value_column() {
    List<TaskOutcome> outcomes =
        List.of(
            TaskOutcome.success("t1", 1.5),
            TaskOutcome.failure("t2", "failed", "ZeroDivisionError: / by zero"),
            TaskOutcome.success("t3", 4.0));

    try (ArrowTable table = MapResultTable.build(outcomes, allocator)) {
      assertThat(table.columnNames()).isEqualTo(MapResultTable.COLUMNS);
      assertThat(typeOf(table, "value")).isEqualTo("double");
      assertThat(table.column("task_id")).containsExactly("t1", "t2", "t3");
      assertThat(table.column("status")).containsExactly("success", "failed", "success");
      assertThat(table.column("value")).containsExactly(1.5, null, 4.0);
      assertThat(table.column("error")).containsExactly(null, "ZeroDivisionError: / by zero", null);
    }
  }

  @Test
  void records_of_one_type_give_a_struct_value_column() {
    List<TaskOutcome> outcomes = List.of(TaskOutcome.success("t1", new Point(1, 2, "p")));

    try (ArrowTable table = MapResultTable.build(outcomes, allocator)) {
      assertThat(typeOf(table, "value")).isEqualTo("struct<x: double, y: double, label: string>");
      assertThat(table.column("value")).containsExactly(Map.of("x", 1.0, "y", 2.0, "label", "p"));
    }
  }

  @Test
  void mixed_values_become_text() {
    List<TaskOutcome> outcomes =
        List.of(
            TaskOutcome.success("t1", 1),
            TaskOutcome.success("t2", "two"),
            TaskOutcome.success("t3", Arrays.asList(3, null)));

    try (ArrowTable table = MapResultTable.build(outcomes, allocator)) {
      assertThat(typeOf(table, "value")).isEqualTo("string");
      assertThat(table.column("value")).containsExactly("1", "two", "[3, null]");
    }
  }

  @Test
  void only_failures_give_a_null_value_column_and_no_tasks_an_empty_table() {
    List<TaskOutcome> failures = List.of(TaskOutcome.failure("t1", "failed", "boom"));

    try (ArrowTable failed = MapResultTable.build(failures, allocator);
        ArrowTable empty = MapResultTable.build(List.of(), allocator)) {
      assertThat(typeOf(failed, "value")).isEqualTo("null");
      assertThat(failed.column("error")).containsExactly("boom");
      assertThat(empty.rowCount()).isZero();
      assertThat(empty.columnNames()).isEqualTo(MapResultTable.COLUMNS);
    }
  }

  private static String typeOf(ArrowTable table, String column) {
    return ArrowTypeNames.describe(table.schema().findField(column));
  }
}
