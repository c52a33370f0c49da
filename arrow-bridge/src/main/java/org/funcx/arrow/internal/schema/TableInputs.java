package org.funcx.arrow.internal.schema;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.funcx.arrow.UnsupportedResultException;
import org.funcx.arrow.internal.codec.ColumnWriter;
import org.funcx.arrow.internal.codec.StructMember;

/**
 * Decides whether a result is a table and how to read it. {@link #isTabular} is the predicate
 * behind {@code ResultEncoding.choose}; {@link #of} accepts exactly the values it calls tabular.
 */
public final class TableInputs {
  /** The column name of results that are a single list of scalars. */
  public static final String VALUE_COLUMN = "value";

  private static final int KIND_SAMPLE_ROWS = 1024;

  private TableInputs() {}

  /**
   * True for primitive arrays, non-empty collections/arrays of encodable values, iterators, streams
   * and column maps.
   */
  public static boolean isTabular(Object value) {
    if (value == null) return false;
    if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive())
      return true;
    if (value instanceof Object[] array) return hasEncodableElement(Arrays.asList(array));
    if (value instanceof Collection<?> collection) return hasEncodableElement(collection);
    if (value instanceof Iterator<?> || value instanceof Stream<?>) return true;
    return value instanceof Map<?, ?> map && ColumnMaps.problem(map) == null;
  }

  /** The table view of a tabular value; iterators and streams are consumed by the encoder. */
  public static TableInput of(Object value) {
    if (!isTabular(value)) {
      String problem = value instanceof Map<?, ?> map ? ColumnMaps.problem(map) : null;
      throw new UnsupportedResultException(
          (value == null ? "null" : "a " + value.getClass().getName())
              + " is not tabular"
              + (problem == null ? "" : " (" + problem + ")")
              + "; ResultEncoding.choose sends it as JSON");
    }
    if (value instanceof Object[] array) {
      return TableInput.ofRows(
          array.getClass().getComponentType(), Arrays.asList(array).iterator());
    }
    if (value.getClass().isArray()) {
      JavaMember column =
          new JavaMember(
              VALUE_COLUMN, value.getClass().getComponentType(), ArrayElements.byIndex(value));
      return TableInput.ofColumns(List.of(column), Array.getLength(value));
    }
    if (value instanceof Collection<?> collection)
      return TableInput.ofRows(Object.class, collection.iterator());
    if (value instanceof Iterator<?> iterator) return TableInput.ofRows(Object.class, iterator);
    if (value instanceof Stream<?> stream)
      return TableInput.ofRows(Object.class, stream.iterator());
    return ColumnMaps.toInput((Map<?, ?>) value);
  }

  /**
   * The table's columns, derived from the first batch: explicit columns, the members of row-like
   * rows (records, POJOs, maps), or a single {@value #VALUE_COLUMN} column for scalar or list rows.
   */
  public static List<StructMember> columns(
      TableInput input, List<?> firstBatch, WriterDeriver deriver) {
    if (input.columns() != null)
      return deriver.columns("", input.columns(), Samples.of(firstBatch));
    List<Object> rows = new ArrayList<>();
    firstBatch.stream().filter(Objects::nonNull).forEach(rows::add);
    Type rowType = input.rowType();
    Class<?> rowClass = JavaTypes.boxed(JavaTypes.rawClass(rowType));
    if (!WriterDeriver.isPrecise(rowClass)) {
      if (rows.isEmpty()) {
        throw new UnsupportedResultException(
            "no non-null row to derive a schema from; declare the row type with"
                + " ArrowEncoder.encodeRows(rows, rowType, out)");
      }
      // The first rows fix the row kind; a later row of another kind fails when it is written.
      rowClass =
          SampleKinds.commonKind("", rows.subList(0, Math.min(rows.size(), KIND_SAMPLE_ROWS)));
      rowType = rowClass;
    }
    if (JavaTypes.isRowLike(rowClass)) return deriver.members("", rowType, Samples.of(rows));
    ColumnWriter writer = deriver.derive(VALUE_COLUMN, rowType, Samples.of(rows));
    return List.of(new StructMember(VALUE_COLUMN, Function.identity(), writer));
  }

  private static boolean hasEncodableElement(Collection<?> values) {
    for (Object value : values) {
      if (value != null) return isEncodable(value.getClass());
    }
    return false;
  }

  private static boolean isEncodable(Class<?> type) {
    return JavaTypes.isScalar(type)
        || JavaTypes.isListLike(type)
        || type == byte[].class
        || JavaTypes.isRowLike(type);
  }
}
