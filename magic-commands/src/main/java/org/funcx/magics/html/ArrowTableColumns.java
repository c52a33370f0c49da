package org.funcx.magics.html;

import java.util.List;
import java.util.Optional;
import org.funcx.arrow.ArrowTable;
import org.funcx.kernel.spi.TableColumns;

/** Lets the notebook's charts read Arrow results column by column. */
public final class ArrowTableColumns implements TableColumns {
  @Override
  public Optional<Table> read(Object value) {
    if (!(value instanceof ArrowTable table)) return Optional.empty();
    return Optional.of(
        new Table() {
          @Override
          public List<String> columnNames() {
            return table.columnNames();
          }

          @Override
          public long rowCount() {
            return table.rowCount();
          }

          @Override
          public List<?> column(String name) {
            return table.column(name);
          }
        });
  }
}
