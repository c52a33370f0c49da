package org.funcx.arrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.funcx.arrow.internal.codec.ColumnReader;

/**
 * Read access to one record batch as Java values. A view: it does not own the root. In {@link
 * ArrowDecoder#forEachBatch} it is valid only during the callback; from {@link ArrowTable} until
 * the table is closed.
 */
public final class ArrowBatch {
  private final VectorSchemaRoot root;
  private final List<ColumnReader> readers;

  ArrowBatch(VectorSchemaRoot root, List<ColumnReader> readers) {
    this.root = root;
    this.readers = readers;
  }

  /** The underlying Arrow batch, owned by whoever owns this view. */
  public VectorSchemaRoot root() {
    return root;
  }

  public int rowCount() {
    return root.getRowCount();
  }

  /** The value at {@code row} of the column at position {@code column}, or null. */
  public Object value(int row, int column) {
    return readers.get(column).readNullable(root.getVector(column), row);
  }

  /** The value at {@code row} of the named column, or null. */
  public Object value(int row, String column) {
    return value(row, indexOf(column));
  }

  /** One row as an ordered map from column name to value. */
  public Map<String, Object> row(int row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int c = 0; c < readers.size(); c++) {
      values.put(root.getVector(c).getName(), value(row, c));
    }
    return values;
  }

  /** Appends the values of the column at position {@code column} to {@code target}. */
  void appendColumn(int column, List<Object> target) {
    for (int row = 0; row < root.getRowCount(); row++) {
      target.add(value(row, column));
    }
  }

  private int indexOf(String column) {
    for (int c = 0; c < readers.size(); c++) {
      if (root.getVector(c).getName().equals(column)) return c;
    }
    throw new IllegalArgumentException(
        "no column '"
            + column
            + "' in "
            + root.getSchema().getFields().stream().map(f -> f.getName()).toList());
  }
}
