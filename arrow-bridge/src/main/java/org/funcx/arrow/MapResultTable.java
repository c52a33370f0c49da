package org.funcx.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Builds the one table that shows the results of a map (one row per task), the view behind {@code
 * %%funcx map}: columns {@code task_id} (string), {@code status} (string), {@code value} and {@code
 * error} (string).
 *
 * <p>{@code value} is typed from the values when the bridge can give them one Arrow type (all
 * Integers: int32; all records of one class: struct; ...); when they mix types, or one has no Arrow
 * mapping, every value becomes its {@code String.valueOf} text instead.
 */
public final class MapResultTable {
  public static final List<String> COLUMNS = List.of("task_id", "status", "value", "error");

  private MapResultTable() {}

  /** The table for {@code outcomes}, in their order; the caller closes it. */
  public static ArrowTable build(List<TaskOutcome> outcomes, BufferAllocator allocator) {
    ArrowEncoderConfig oneBatch =
        ArrowEncoderConfig.builder().batchRows(Math.max(1, outcomes.size())).build();
    ArrowEncoder encoder = new ArrowEncoder(allocator, oneBatch);
    try {
      return encoder.toTable(rows(outcomes, false).iterator(), Row.class);
    } catch (UnsupportedResultException | ValueConversionException mixedOrUnmappable) {
      return encoder.toTable(rows(outcomes, true).iterator(), Row.class);
    }
  }

  private static List<Row> rows(List<TaskOutcome> outcomes, boolean valuesAsText) {
    List<Row> rows = new ArrayList<>(outcomes.size());
    for (TaskOutcome outcome : outcomes) {
      Object value = outcome.value();
      if (valuesAsText && value != null) value = String.valueOf(value);
      rows.add(new Row(outcome.taskId(), outcome.status(), value, outcome.error()));
    }
    return rows;
  }

  /** Component names are the column names. */
  @SuppressWarnings("checkstyle:RecordComponentName")
  private record Row(String task_id, String status, Object value, String error) {}
}
