package org.funcx.arrow.internal.decode;

import java.util.List;
import java.util.function.IntFunction;
import org.funcx.arrow.ArrowBridgeException;
import org.funcx.arrow.ValueConversionException;

/**
 * Builds records of one type from table rows, matching record components to columns by name.
 *
 * @param <R> the record type
 */
public final class RecordMapper<R extends Record> {
  private final Class<R> type;
  private final RecordShape shape;
  private final int[] columnOfComponent;
  private final Class<?>[] passThrough;

  /**
   * @throws ArrowBridgeException if a component has no column of the same name
   */
  public RecordMapper(Class<R> type, List<String> columnNames) {
    this.type = type;
    this.shape = RecordShape.of(type);
    this.columnOfComponent = new int[shape.names.size()];
    this.passThrough = new Class<?>[columnOfComponent.length];
    for (int i = 0; i < columnOfComponent.length; i++) {
      String name = shape.names.get(i);
      columnOfComponent[i] = columnNames.indexOf(name);
      passThrough[i] = JavaValueConverter.passThroughClass(shape.types.get(i));
      if (columnOfComponent[i] < 0) {
        throw new ArrowBridgeException(
            "record "
                + type.getSimpleName()
                + " has component '"
                + name
                + "' but the table has no such column; columns: "
                + columnNames);
      }
    }
  }

  /**
   * The record for one row.
   *
   * @param rowNumber row index in the table, for error messages
   * @param valueOfColumn the row's decoded value of a column, by column position
   */
  public R map(long rowNumber, IntFunction<Object> valueOfColumn) {
    Object[] arguments = new Object[columnOfComponent.length];
    for (int i = 0; i < arguments.length; i++) {
      Object value = valueOfColumn.apply(columnOfComponent[i]);
      if (passThrough[i] != null && passThrough[i].isInstance(value)) {
        arguments[i] = value;
        continue;
      }
      try {
        arguments[i] = JavaValueConverter.convert(value, shape.types.get(i));
      } catch (RuntimeException e) {
        throw new ValueConversionException(shape.names.get(i), rowNumber, e);
      }
    }
    try {
      return type.cast(shape.construct(arguments));
    } catch (RuntimeException e) {
      throw new ValueConversionException(
          "(" + type.getSimpleName() + ")",
          rowNumber,
          "constructor of " + type.getSimpleName() + " rejected the row: " + e.getMessage(),
          e);
    }
  }
}
