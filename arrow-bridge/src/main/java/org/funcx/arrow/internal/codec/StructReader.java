package org.funcx.arrow.internal.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/** An Arrow {@code struct} as a {@link LinkedHashMap} from child name to value, in field order. */
public final class StructReader implements ColumnReader {
  private final List<String> names;
  private final List<ColumnReader> children;

  public StructReader(List<String> names, List<ColumnReader> children) {
    this.names = List.copyOf(names);
    this.children = List.copyOf(children);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    StructVector struct = (StructVector) vector;
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      FieldVector child = (FieldVector) struct.getChildByOrdinal(i);
      values.put(names.get(i), children.get(i).readNullable(child, index));
    }
    return values;
  }
}
