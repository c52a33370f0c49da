package org.funcx.magics.html;

import static org.owasp.encoder.Encode.forHtml;

import java.util.ArrayList;
import java.util.List;
import org.funcx.kernel.display.Html;

/**
 * A table shown as HTML in notebooks and as aligned text where only text/plain is read (consoles,
 * {@code jupyter execute} logs). Cell values are escaped; long text cells are cut in the text form
 * only.
 */
public final class HtmlTable {
  private static final int TEXT_CELL_WIDTH = 60;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private String caption = "";

  public HtmlTable(String... headers) {
    this.headers = List.of(headers);
  }

  public HtmlTable caption(String text) {
    this.caption = text;
    return this;
  }

  public HtmlTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(headers.size() + " cells expected, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) row.add(cell == null ? "" : String.valueOf(cell));
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public Html toHtml() {
    StringBuilder html = new StringBuilder("<table class=\"funcx\">");
    if (!caption.isEmpty()) html.append("<caption>").append(forHtml(caption)).append("</caption>");
    html.append("<thead><tr>");
    headers.forEach(h -> html.append("<th>").append(forHtml(h)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(c -> html.append("<td>").append(forHtml(c)).append("</td>"));
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    return new Html(html.toString(), toText());
  }

  private String toText() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) widths[i] = headers.get(i).length();
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], Math.min(TEXT_CELL_WIDTH, oneLine(row.get(i)).length()));
      }
    }
    StringBuilder text = new StringBuilder(caption.isEmpty() ? "" : caption + "\n");
    appendLine(text, headers, widths);
    for (List<String> row : rows) appendLine(text, row, widths);
    return text.toString().stripTrailing();
  }

  private static void appendLine(StringBuilder text, List<String> cells, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String cell = oneLine(cells.get(i));
      if (cell.length() > TEXT_CELL_WIDTH) cell = cell.substring(0, TEXT_CELL_WIDTH - 1) + "…";
      text.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    text.setLength(text.toString().stripTrailing().length());
    text.append('\n');
  }

  private static String oneLine(String cell) {
    return cell.replaceAll("\\s*\\R\\s*", " ⏎ ");
  }
}
