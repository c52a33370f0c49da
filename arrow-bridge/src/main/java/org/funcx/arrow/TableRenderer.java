package org.funcx.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.funcx.arrow.internal.render.ArrowTypeNames;
import org.funcx.arrow.internal.render.CellText;
import org.funcx.arrow.internal.render.HtmlTable;
import org.funcx.arrow.internal.render.PreviewModel;
import org.funcx.arrow.internal.render.RowWindow;
import org.funcx.arrow.internal.render.TableShape;
import org.funcx.arrow.internal.render.TextTable;

/**
 * Previews an {@link ArrowTable} for notebooks ({@code text/html}) and consoles ({@code
 * text/plain}): shape, column names and types, and the head and tail rows of big tables. Reads only
 * the rows it shows, so a million-row table renders as fast as a small one. The table stays open
 * and owned by the caller.
 */
public final class TableRenderer {
  private TableRenderer() {}

  /** An HTML {@code <table>} with a shape caption; every name, type and value is HTML-escaped. */
  public static String html(ArrowTable table, RenderOptions options) {
    return HtmlTable.render(model(table, options));
  }

  /** Aligned plain text: header, types, rows (numbers right-aligned), then the shape line. */
  public static String text(ArrowTable table, RenderOptions options) {
    return TextTable.render(model(table, options));
  }

  private static PreviewModel model(ArrowTable table, RenderOptions options) {
    List<Field> fields = table.schema().getFields();
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (Field field : fields) {
      names.add(field.getName());
      types.add(ArrowTypeNames.describe(field));
      numeric.add(isNumeric(field.getType()));
    }
    RowWindow window = RowWindow.of(table.rowCount(), options.headRows(), options.tailRows());
    return new PreviewModel(
        TableShape.describe(table.rowCount(), fields.size()),
        names,
        types,
        numeric,
        cells(table, window.head(), options),
        window.elided(),
        cells(table, window.tail(), options));
  }

  private static List<PreviewModel.Row> cells(
      ArrowTable table, List<Long> rows, RenderOptions options) {
    List<PreviewModel.Row> cells = new ArrayList<>(rows.size());
    for (long index : rows) {
      List<String> texts = new ArrayList<>();
      for (Map.Entry<String, Object> entry : table.row(index).entrySet()) {
        texts.add(CellText.format(entry.getValue(), options.maxCellChars()));
      }
      cells.add(new PreviewModel.Row(Long.toString(index), texts));
    }
    return cells;
  }

  private static boolean isNumeric(ArrowType type) {
    return type instanceof ArrowType.Int
        || type instanceof ArrowType.FloatingPoint
        || type instanceof ArrowType.Decimal;
  }
}
