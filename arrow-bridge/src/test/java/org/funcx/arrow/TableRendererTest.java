package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Notebook (HTML) and console (text) previews: caption, types, head and tail, escaping. */
class TableRendererTest extends AllocatorTest {

  record Reading(long id, double value, String note) {}

  private static final RenderOptions THREE_AND_TWO =
      RenderOptions.builder().headRows(3).tailRows(2).build();

  private ArrowTable readings(int count) {
    return encoder()
        .toTable(
            IntStream.range(0, count).mapToObj(i -> new Reading(i, i / 2.0, "note " + i)).toList());
  }

  @Test
  void html_caption_shows_the_shape_and_headers_show_names_and_types() {
    try (ArrowTable table = readings(1234)) {
      String html = TableRenderer.html(table, THREE_AND_TWO);

      assertThat(html).contains("<caption>1,234 rows × 3 columns</caption>");
      assertThat(html).contains("<th>id<br><span class=\"funcx-arrow-type\">int64</span></th>");
      assertThat(html).contains("<th>note<br><span class=\"funcx-arrow-type\">string</span></th>");
    }
  }

  @Test
  void big_tables_show_head_and_tail_around_an_ellipsis_row() {
    try (ArrowTable table = readings(100)) {
      String html = TableRenderer.html(table, THREE_AND_TWO);

      assertThat(html).contains("<th>0</th>", "<th>2</th>", "<th>98</th>", "<th>99</th>");
      assertThat(html).doesNotContain("<th>3</th>", "<th>97</th>", "note 50");
      assertThat(html).containsOnlyOnce("funcx-arrow-ellipsis");
      assertThat(html.indexOf("<th>2</th>")).isLessThan(html.indexOf("funcx-arrow-ellipsis"));
      assertThat(html.indexOf("funcx-arrow-ellipsis")).isLessThan(html.indexOf("<th>98</th>"));
    }
  }

  @Test
  void small_tables_show_every_row_and_no_ellipsis() {
    try (ArrowTable table = readings(5)) {
      String html = TableRenderer.html(table, THREE_AND_TWO);

      assertThat(html).contains("<th>4</th>", "note 3").doesNotContain("…");
      assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 5); // before, header, rows
    }
  }

  @Test
  void names_and_values_are_html_escaped() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("<b>name</b>", "<script>alert('x')</script> & \"q\"");
    try (ArrowTable table = encoder().toTable(List.of(row))) {
      String html = TableRenderer.html(table, RenderOptions.defaults());

      assertThat(html).doesNotContain("<script>", "<b>");
      assertThat(html).contains("&lt;b&gt;name&lt;/b&gt;");
      assertThat(html)
          .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;");
      assertThat(html).contains("<caption>1 row × 1 column</caption>");
    }
  }

  @Test
  void long_cells_are_cut_with_an_ellipsis() {
    try (ArrowTable table = encoder().toTable(List.of("x".repeat(500)))) {
      String html = TableRenderer.html(table, RenderOptions.builder().maxCellChars(10).build());

      assertThat(html).contains("<td>xxxxxxxxx…</td>").doesNotContain("x".repeat(11));
    }
  }

  @Test
  void text_aligns_columns_and_right_aligns_numbers() {
    try (ArrowTable table = readings(100)) {
      String[] lines = TableRenderer.text(table, THREE_AND_TWO).split("\n");

      assertThat(lines).hasSize(2 + 3 + 1 + 2 + 1);
      assertThat(lines[0]).matches(" +id +value +note");
      assertThat(lines[1]).matches(" +int64 +double +string");
      assertThat(lines[2]).matches(" 0 +0 +0\\.0 +note 0");
      assertThat(lines[5].trim()).matches("…( +…){3}");
      assertThat(lines[8]).isEqualTo("[100 rows × 3 columns]");
      int valueEnd = lines[1].indexOf("double") + "double".length();
      assertThat(lines[7].indexOf("49.5") + "49.5".length()).isEqualTo(valueEnd);
      assertThat(lines[3].indexOf("note 1")).isEqualTo(lines[0].indexOf("note"));
    }
  }

  @Test
  void text_shows_timestamps_lists_and_nulls_readably() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("at", Instant.parse("2024-05-01T12:00:00Z"));
    row.put("tags", List.of("a", "b"));
    row.put("missing", null);
    try (ArrowTable table = encoder().toTable(List.of(row))) {
      String text = TableRenderer.text(table, RenderOptions.defaults());

      assertThat(text).contains("timestamp[ns, UTC]", "list<string>", "null");
      assertThat(text).contains("2024-05-01T12:00:00Z", "[a, b]");
    }
  }
}
