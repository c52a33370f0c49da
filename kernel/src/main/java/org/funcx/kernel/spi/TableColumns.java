package org.funcx.kernel.spi;

import java.util.List;
import java.util.Optional;

/**
 * Reads a module's table type column by column, so the notebook's charts ({@code plot(table, "x",
 * "y")}) can draw it without the kernel depending on that module (e.g. Arrow results from
 * magic-commands). Found with {@link java.util.ServiceLoader}: list implementations in
 * {@code META-INF/services/org.funcx.kernel.spi.TableColumns}.
 */
public interface TableColumns {
  /** The value as a table when this reader handles its type, else empty. */
  Optional<Table> read(Object value);

  /** A table's column names and values. */
  interface Table {
    List<String> columnNames();

    long rowCount();

    /** Every value of a column (one of {@link #columnNames()}), in row order. */
    List<?> column(String name);
  }
}
