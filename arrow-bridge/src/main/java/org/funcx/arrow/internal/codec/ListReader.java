package org.funcx.arrow.internal.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/** An Arrow {@code list<element>} as a mutable {@link ArrayList} of element values. */
public final class ListReader implements ColumnReader {
  private final ColumnReader element;

  public ListReader(ColumnReader element) {
    this.element = element;
  }

  @Override
  public Object read(FieldVector vector, int index) {
    ListVector list = (ListVector) vector;
    FieldVector elements = list.getDataVector();
    int start = list.getElementStartIndex(index);
    int end = list.getElementEndIndex(index);
    List<Object> values = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      values.add(element.readNullable(elements, i));
    }
    return values;
  }
}
