package org.funcx.arrow.internal.render;

import static org.owasp.encoder.Encode.forHtml;

import java.util.List;

/** Writes a {@link PreviewModel} as an HTML table; all text is escaped (OWASP encoder). */
public final class HtmlTable {
  private static final String ELLIPSIS = "…";

  private HtmlTable() {}

  public static String render(PreviewModel model) {
    StringBuilder html = new StringBuilder("<table class=\"funcx-arrow-table\">\n");
    html.append("<caption>").append(forHtml(model.shape())).append("</caption>\n");
    html.append("<thead><tr><th></th>");
    for (int c = 0; c < model.names().size(); c++) {
      html.append("<th>")
          .append(forHtml(model.names().get(c)))
          .append("<br><span class=\"funcx-arrow-type\">")
          .append(forHtml(model.types().get(c)))
          .append("</span></th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    appendRows(html, model, model.head());
    if (model.elided()) {
      html.append("<tr class=\"funcx-arrow-ellipsis\"><th>").append(ELLIPSIS).append("</th>");
      html.append(("<td>" + ELLIPSIS + "</td>").repeat(model.names().size())).append("</tr>\n");
    }
    appendRows(html, model, model.tail());
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static void appendRows(
      StringBuilder html, PreviewModel model, List<PreviewModel.Row> rows) {
    for (PreviewModel.Row row : rows) {
      html.append("<tr><th>").append(forHtml(row.label())).append("</th>");
      for (int c = 0; c < row.cells().size(); c++) {
        String align = model.numeric().get(c) ? " style=\"text-align:right\"" : "";
        html.append("<td")
            .append(align)
            .append('>')
            .append(forHtml(row.cells().get(c)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
  }
}
