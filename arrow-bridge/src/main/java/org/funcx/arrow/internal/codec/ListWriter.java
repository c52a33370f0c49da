package org.funcx.arrow.internal.codec;

import java.lang.reflect.Array;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A Java {@link Iterable} or array (other than {@code byte[]}) as an Arrow {@code list<element>}.
 */
public final class ListWriter implements ColumnWriter {
  /** The element field name pyarrow uses, so schemas compare equal across languages. */
  public static final String ELEMENT_NAME = "item";

  private final ColumnWriter element;

  public ListWriter(ColumnWriter element) {
    this.element = element;
  }

  @Override
  public Field field(String name) {
    FieldType type = FieldType.nullable(ArrowType.List.INSTANCE);
    return new Field(name, type, List.of(element.field(ELEMENT_NAME)));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ListVector list = (ListVector) vector;
    FieldVector elements = list.getDataVector();
    int offset = list.startNewValue(index);
    int size = 0;
    if (value instanceof Iterable<?> iterable) {
      for (Object item : iterable) {
        element.writeNullable(elements, offset + size++, item);
      }
    } else if (value.getClass().isArray()) {
      size = Array.getLength(value);
      for (int i = 0; i < size; i++) {
        element.writeNullable(elements, offset + i, Array.get(value, i));
      }
    } else {
      throw new ClassCastException(
          value.getClass().getName() + " is neither Iterable nor an array");
    }
    list.endValue(index, size);
  }
}
