package org.funcx.arrow.internal.encode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.funcx.arrow.ValueConversionException;
import org.funcx.arrow.internal.codec.MapKeys;
import org.funcx.arrow.internal.codec.StructMember;

/** Fills the encoder's root with one batch of rows, one column writer per root vector. */
final class BatchFiller {
  private final List<StructMember> columns;
  private final Set<String> names = new LinkedHashSet<>();
  private long rowsBefore;

  BatchFiller(List<StructMember> columns) {
    this.columns = List.copyOf(columns);
    columns.forEach(column -> names.add(column.name()));
  }

  /**
   * Allocates the root's vectors for {@code rows.size()} rows and writes the rows. On failure the
   * root keeps its buffers; the pipeline releases them by closing the root.
   *
   * @throws ValueConversionException naming the column and the row (counted over all batches)
   */
  void fill(VectorSchemaRoot root, List<?> rows) {
    FieldVector[] vectors = root.getFieldVectors().toArray(new FieldVector[0]);
    for (FieldVector vector : vectors) {
      vector.setInitialCapacity(rows.size());
      vector.allocateNew();
    }
    for (int i = 0; i < rows.size(); i++) {
      Object row = rows.get(i);
      if (row == null) {
        for (FieldVector vector : vectors) vector.setNull(i);
        continue;
      }
      fillRow(vectors, i, row);
    }
    root.setRowCount(rows.size());
    rowsBefore += rows.size();
  }

  private void fillRow(FieldVector[] vectors, int index, Object row) {
    int c = 0;
    try {
      MapKeys.requireKnown(row, names);
      for (; c < columns.size(); c++) {
        StructMember column = columns.get(c);
        column.writer().writeNullable(vectors[c], index, column.getter().apply(row));
      }
    } catch (RuntimeException e) {
      String column = c < columns.size() ? columns.get(c).name() : "?";
      throw new ValueConversionException(column, rowsBefore + index, e);
    }
  }
}
