package org.funcx.arrow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.funcx.arrow.internal.codec.ColumnReader;
import org.funcx.arrow.internal.codec.Readers;
import org.funcx.arrow.internal.decode.RecordMapper;

/**
 * A decoded Arrow result: a schema and its record batches, read as Java values on demand.
 *
 * <p>The table owns its allocator (a child of the one given to {@link ArrowDecoder} or {@link
 * ArrowEncoder}) and every batch root in it; {@link #close()} releases all of them. Values returned
 * by {@link #column}, {@link #rows} and {@link #toRecords} are plain Java objects that outlive the
 * table; {@link #batches()} roots do not. Not thread-safe.
 *
 * <p>Values decode as: bool Boolean, int8..int64 Byte/Short/Integer/Long, uint16 Character, float32
 * and float64 Float/Double, utf8 String, binary byte[], decimal BigDecimal, timestamp with zone
 * Instant, timestamp without zone LocalDateTime, date32 LocalDate, arrow.uuid UUID, list List,
 * struct Map (column name to value); other Arrow types as {@code FieldVector.getObject}.
 */
public final class ArrowTable implements AutoCloseable {
  private final BufferAllocator allocator;
  private final Schema schema;
  private final List<VectorSchemaRoot> roots;
  private final List<ArrowBatch> batches = new ArrayList<>();
  private final long[] batchStarts;
  private final long rowCount;
  private boolean closed;

  /**
   * Takes ownership of {@code allocator} and of {@code roots}, which must all have {@code schema}.
   */
  ArrowTable(BufferAllocator allocator, Schema schema, List<VectorSchemaRoot> roots) {
    this.allocator = allocator;
    this.schema = schema;
    this.roots = List.copyOf(roots);
    List<ColumnReader> readers = new ArrayList<>();
    schema.getFields().forEach(field -> readers.add(Readers.forField(field)));
    this.batchStarts = new long[roots.size()];
    long rows = 0;
    for (int b = 0; b < roots.size(); b++) {
      batchStarts[b] = rows;
      rows += roots.get(b).getRowCount();
      batches.add(new ArrowBatch(roots.get(b), readers));
    }
    this.rowCount = rows;
  }

  public Schema schema() {
    return schema;
  }

  public List<String> columnNames() {
    return schema.getFields().stream().map(Field::getName).toList();
  }

  public int columnCount() {
    return schema.getFields().size();
  }

  public long rowCount() {
    return rowCount;
  }

  /** The batches' roots, in order; owned by this table and valid until it is closed. */
  public List<VectorSchemaRoot> batches() {
    requireOpen();
    return Collections.unmodifiableList(roots);
  }

  /** All values of the named column, in row order, as a new list. */
  public List<Object> column(String name) {
    int index = columnIndex(name);
    List<Object> values = new ArrayList<>(Math.toIntExact(rowCount));
    batches.forEach(batch -> batch.appendColumn(index, values));
    return values;
  }

  /** One row as an ordered map from column name to value. */
  public Map<String, Object> row(long index) {
    requireOpen();
    if (index < 0 || index >= rowCount) {
      throw new IndexOutOfBoundsException(
          "row " + index + " of a table with " + rowCount + " rows");
    }
    int batch = batchOf(index);
    return batches.get(batch).row((int) (index - batchStarts[batch]));
  }

  /** Every row as an ordered map from column name to value. */
  public List<Map<String, Object>> rows() {
    requireOpen();
    List<Map<String, Object>> rows = new ArrayList<>(Math.toIntExact(rowCount));
    for (ArrowBatch batch : batches) {
      for (int row = 0; row < batch.rowCount(); row++) rows.add(batch.row(row));
    }
    return rows;
  }

  /**
   * Every row as a {@code type} record, matching components to columns by name. Lists become the
   * component's List, Set or array type, structs nested records, strings enum constants.
   *
   * @throws ArrowBridgeException if a component has no column of its name
   * @throws ValueConversionException if a value does not fit its component (naming column and row)
   */
  public <R extends Record> List<R> toRecords(Class<R> type) {
    requireOpen();
    RecordMapper<R> mapper = new RecordMapper<>(type, columnNames());
    List<R> records = new ArrayList<>(Math.toIntExact(rowCount));
    for (int b = 0; b < batches.size(); b++) {
      ArrowBatch batch = batches.get(b);
      for (int row = 0; row < batch.rowCount(); row++) {
        int inBatch = row;
        records.add(mapper.map(batchStarts[b] + row, column -> batch.value(inBatch, column)));
      }
    }
    return records;
  }

  /** Releases every batch and then the table's allocator; later calls do nothing. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      roots.forEach(VectorSchemaRoot::close);
    } finally {
      allocator.close();
    }
  }

  private int columnIndex(String name) {
    requireOpen();
    List<String> names = columnNames();
    int index = names.indexOf(name);
    if (index < 0) throw new IllegalArgumentException("no column '" + name + "' in " + names);
    return index;
  }

  private int batchOf(long row) {
    int low = 0;
    int high = batchStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (batchStarts[mid] <= row) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private void requireOpen() {
    if (closed) throw new IllegalStateException("the ArrowTable is closed");
  }
}
