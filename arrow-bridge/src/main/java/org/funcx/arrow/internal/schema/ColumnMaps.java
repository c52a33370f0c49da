package org.funcx.arrow.internal.schema;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/** {@code Map<String, column>} results, where each column is a Collection or an array. */
final class ColumnMaps {
  private ColumnMaps() {}

  /** Why {@code map} is not a column map, or {@code null} when it is one. */
  static String problem(Map<?, ?> map) {
    if (map.isEmpty()) return "the map is empty";
    int expected = -1;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String)) return "key " + entry.getKey() + " is not a String";
      int length = length(entry.getValue());
      if (length < 0) return "value of '" + entry.getKey() + "' is not a Collection or array";
      if (expected >= 0 && length != expected) {
        return "columns differ in length: " + lengths(map);
      }
      expected = length;
    }
    return null;
  }

  static TableInput toInput(Map<?, ?> map) {
    List<JavaMember> columns = new ArrayList<>(map.size());
    int rowCount = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object column = entry.getValue();
      rowCount = length(column);
      columns.add(new JavaMember((String) entry.getKey(), elementType(column), byIndex(column)));
    }
    return TableInput.ofColumns(columns, rowCount);
  }

  private static Class<?> elementType(Object column) {
    return column.getClass().isArray() ? column.getClass().getComponentType() : Object.class;
  }

  private static Function<Object, Object> byIndex(Object column) {
    if (column.getClass().isArray()) return ArrayElements.byIndex(column);
    List<?> list =
        column instanceof List<?> l && l instanceof RandomAccess
            ? l
            : new ArrayList<>((Collection<?>) column);
    return i -> list.get((Integer) i);
  }

  private static int length(Object column) {
    if (column instanceof Collection<?> collection) return collection.size();
    if (column != null && column.getClass().isArray()) return Array.getLength(column);
    return -1;
  }

  private static String lengths(Map<?, ?> map) {
    StringBuilder text = new StringBuilder();
    map.forEach(
        (key, column) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(key)
                .append('=')
                .append(length(column)));
    return text.toString();
  }
}
