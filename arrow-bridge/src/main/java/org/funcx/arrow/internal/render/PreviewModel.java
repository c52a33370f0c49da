package org.funcx.arrow.internal.render;

import java.util.List;

/**
 * What a table preview shows, as display text not yet escaped or aligned.
 *
 * @param shape caption such as "3 rows × 2 columns"
 * @param names column names
 * @param types column type names
 * @param numeric per column, whether values align right
 * @param head rows before the ellipsis (all rows when nothing is elided)
 * @param elided whether an ellipsis row stands for left-out rows
 * @param tail rows after the ellipsis
 */
public record PreviewModel(
    String shape,
    List<String> names,
    List<String> types,
    List<Boolean> numeric,
    List<Row> head,
    boolean elided,
    List<Row> tail) {

  /** One shown row: its index label and one text per column. */
  public record Row(String label, List<String> cells) {}
}
