package org.funcx.magics.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.funcx.kernel.display.Html;
import org.junit.jupiter.api.Test;

class HtmlTableTest {
  @Test
  void cells_are_escaped_in_html_and_aligned_in_text() {
    Html html =
        new HtmlTable("name", "value")
            .caption("two <rows>")
            .row("a", "<b>&'\"")
            .row("longer name", null)
            .toHtml();
    assertThat(html.html())
        .isEqualTo(
            "<table class=\"funcx\"><caption>two &lt;rows&gt;</caption>"
                + "<thead><tr><th>name</th><th>value</th></tr></thead><tbody>"
                + "<tr><td>a</td><td>&lt;b&gt;&amp;&#39;&#34;</td></tr>"
                + "<tr><td>longer name</td><td></td></tr></tbody></table>");
    assertThat(html.text())
        .isEqualTo("two <rows>\nname         value\na            <b>&'\"\n" + "longer name");
  }

  @Test
  void a_row_must_fill_every_column() {
    assertThatThrownBy(() -> new HtmlTable("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
