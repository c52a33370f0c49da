package org.funcx.arrow.internal.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes a {@link PreviewModel} as aligned plain text: a name line, a type line, the rows (an index
 * column first; numeric columns and their headers right-aligned), an ellipsis line if rows are left
 * out, and the shape in brackets. Line breaks and tabs in values are shown as spaces.
 */
public final class TextTable {
  private static final String ELLIPSIS = "…";
  private static final String GAP = "  ";

  private TextTable() {}

  public static String render(PreviewModel model) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(withLabel("", model.names()));
    lines.add(withLabel("", model.types()));
    model.head().forEach(row -> lines.add(withLabel(row.label(), row.cells())));
    if (model.elided()) {
      lines.add(withLabel(ELLIPSIS, Collections.nCopies(model.names().size(), ELLIPSIS)));
    }
    model.tail().forEach(row -> lines.add(withLabel(row.label(), row.cells())));
    int[] widths = widths(lines);
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < lines.size(); line++) {
      List<String> cells = lines.get(line);
      StringBuilder out = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        boolean right = c == 0 || model.numeric().get(c - 1);
        if (c > 0) out.append(GAP);
        out.append(pad(cells.get(c), widths[c], right));
      }
      text.append(out.toString().stripTrailing()).append('\n');
    }
    return text.append('[').append(model.shape()).append("]\n").toString();
  }

  private static List<String> withLabel(String label, List<String> cells) {
    List<String> line = new ArrayList<>(cells.size() + 1);
    line.add(label);
    cells.forEach(cell -> line.add(cell.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')));
    return line;
  }

  private static int[] widths(List<List<String>> lines) {
    int[] widths = new int[lines.get(0).size()];
    for (List<String> line : lines) {
      for (int c = 0; c < line.size(); c++) {
        widths[c] = Math.max(widths[c], line.get(c).codePointCount(0, line.get(c).length()));
      }
    }
    return widths;
  }

  private static String pad(String cell, int width, boolean right) {
    String padding = " ".repeat(width - cell.codePointCount(0, cell.length()));
    return right ? padding + cell : cell + padding;
  }
}
