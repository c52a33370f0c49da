package org.funcx.kernel.charts;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.funcx.kernel.spi.TableColumns;

/**
 * What a chart reads its numbers from, as named columns: a module's table (an Arrow result,
 * through {@link TableColumns}), rows (maps or records), or a list or array of numbers (columns
 * {@code index} and {@code value}).
 */
final class ChartTable implements TableColumns.Table {
  static final String INDEX = "index";
  static final String VALUE = "value";
  private final String what;
  private final List<String> names;
  private final long rows;
  private final ColumnReader reader;

  private interface ColumnReader {
    List<?> read(String name);
  }

  private ChartTable(String what, List<String> names, long rows, ColumnReader reader) {
    this.what = what;
    this.names = List.copyOf(names);
    this.rows = rows;
    this.reader = reader;
  }

  /**
   * The columns of {@code value}.
   *
   * @throws ChartError for null, an empty table or list, or a value that is none of the above
   */
  static ChartTable of(Object value) {
    if (value == null) {
      throw new ChartError(
          "nothing to draw: the value is null (did the cell that should have set" + " it fail?)");
    }
    ChartTable table = read(value);
    if (table.rows == 0) throw new ChartError("nothing to draw: the " + table.what + " is empty");
    return table;
  }

  private static ChartTable read(Object value) {
    for (TableColumns columns : Readers.ALL) {
      Optional<TableColumns.Table> t = columns.read(value);
      if (t.isPresent()) {
        return new ChartTable("table", t.get().columnNames(), t.get().rowCount(), t.get()::column);
      }
    }
    if (value.getClass().isArray() && !(value instanceof Object[])) {
      return numbers(value.getClass().getComponentType() + " array", boxed(value));
    }
    List<?> items =
        value instanceof Object[] array
            ? Arrays.asList(array)
            : value instanceof Collection<?> c ? new ArrayList<>(c) : null;
    if (items == null) {
      throw new ChartError(
          "cannot draw a "
              + value.getClass().getName()
              + ": give a table (an"
              + " Arrow result), rows (maps or records), or a list or array of numbers");
    }
    String what = value instanceof Object[] ? "array" : "list";
    Object first = items.stream().filter(i -> i != null).findFirst().orElse(null);
    if (first instanceof Map<?, ?>) return mapRows(items);
    if (first instanceof Record r) return recordRows(items, r.getClass());
    return numbers(what, items);
  }

  private static ChartTable numbers(String what, List<?> values) {
    List<Integer> index = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) index.add(i);
    return new ChartTable(
        what, List.of(INDEX, VALUE), values.size(), name -> name.equals(INDEX) ? index : values);
  }

  private static List<Object> boxed(Object array) {
    int length = Array.getLength(array);
    List<Object> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) out.add(Array.get(array, i));
    return out;
  }

  private static ChartTable mapRows(List<?> rows) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (Object row : rows) {
      if (row instanceof Map<?, ?> m) m.keySet().forEach(k -> names.put(String.valueOf(k), true));
    }
    return new ChartTable(
        "list of rows",
        new ArrayList<>(names.keySet()),
        rows.size(),
        name -> {
          List<Object> column = new ArrayList<>(rows.size());
          for (Object row : rows) column.add(row instanceof Map<?, ?> m ? m.get(name) : null);
          return column;
        });
  }

  private static ChartTable recordRows(List<?> rows, Class<?> type) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) names.add(c.getName());
    return new ChartTable(
        "list of " + type.getSimpleName() + " records",
        names,
        rows.size(),
        name -> {
          RecordComponent component = component(type, name);
          component.getAccessor().setAccessible(true); // records declared in cells are not public
          List<Object> column = new ArrayList<>(rows.size());
          for (Object row : rows) column.add(type.isInstance(row) ? get(component, row) : null);
          return column;
        });
  }

  private static RecordComponent component(Class<?> type, String name) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) return c;
    }
    throw new IllegalStateException("no component " + name); // names were checked before
  }

  private static Object get(RecordComponent component, Object row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new ChartError(
          "cannot read "
              + component.getName()
              + " of a "
              + row.getClass().getSimpleName()
              + ": "
              + e);
    }
  }

  @Override
  public List<String> columnNames() {
    return names;
  }

  @Override
  public long rowCount() {
    return rows;
  }

  /**
   * A column's values.
   *
   * @throws ChartError naming the columns there are when there is no such column
   */
  @Override
  public List<?> column(String name) {
    if (name == null || !names.contains(name)) {
      throw new ChartError(
          "no column '" + name + "' in the " + what + "; its columns: " + String.join(", ", names));
    }
    try {
      return reader.read(name);
    } catch (IllegalStateException e) { // e.g. an Arrow table closed with close()
      throw new ChartError(
          "cannot read column '" + name + "' of the " + what + ": " + e.getMessage());
    }
  }

  /** The readers modules registered, loaded once. */
  private static final class Readers {
    static final List<TableColumns> ALL =
        ServiceLoader.load(TableColumns.class, ChartTable.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
  }
}
