package org.funcx.magics.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.funcx.kernel.spi.MagicException;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;
import org.junit.jupiter.api.Test;

class SourceCollectorTest {
  private static SnippetInfo s(String id, SnippetKind kind, String name, String source) {
    return new SnippetInfo(id, kind, name, source);
  }

  private static final List<SnippetInfo> NOTEBOOK =
      List.of(
          s("1", SnippetKind.IMPORT, "java.util.*", "import java.util.*;"),
          s("2", SnippetKind.METHOD, "cube", "long cube(long x) { return x * x * x; }"),
          s(
              "3",
              SnippetKind.CLASS,
              "Acc",
              "class Acc {\n  long total;\n  void add(long v) {" + " total += cube(v); }\n}"),
          s("4", SnippetKind.METHOD, "unrelated", "String unrelated() { return \"sum\"; }"),
          s("5", SnippetKind.VARIABLE, "factor", "long factor = 3;"),
          s("6", SnippetKind.IMPORT, "java.time.Duration", "import java.time.Duration"),
          s(
              "7",
              SnippetKind.METHOD,
              "sum",
              "long sum(long n) {\n  // unrelated() in a comment\n"
                  + "  Acc acc = new Acc();\n  for (long i = 1; i <= n; i++) acc.add(i);\n"
                  + "  return acc.total; // \"cube\"\n}"),
          s("8", SnippetKind.METHOD, "sum", "long sum() { return sum(3); }"));

  @Test
  void the_method_comes_with_all_imports_and_the_helpers_it_mentions_transitively() {
    SourceCollector.Collected c = SourceCollector.collect("sum", NOTEBOOK);
    assertThat(c.source())
        .startsWith("import java.util.*;\nimport java.time.Duration;\n\n")
        .contains("long cube(long x)", "class Acc {", "long sum(long n) {", "long sum() {")
        .doesNotContain("String unrelated()", "long factor");
    assertThat(c.source().indexOf("long cube")).isLessThan(c.source().indexOf("class Acc"));
    assertThat(c.helpers()).extracting(SnippetInfo::name).containsExactly("cube", "Acc");
    assertThat(c.imports()).hasSize(2);
  }

  @Test
  void the_source_map_turns_source_lines_into_notebook_lines() {
    SourceCollector.Collected c = SourceCollector.collect("sum", NOTEBOOK);
    String[] lines = c.source().split("\n");
    int accLine = List.of(lines).indexOf("class Acc {") + 1;
    assertThat(c.map().describe(accLine + 2)).contains("class Acc line 3");
    int sumLine = List.of(lines).indexOf("long sum(long n) {") + 1;
    assertThat(c.map().describe(sumLine + 4)).contains("method sum line 5");
    assertThat(c.map().describe(1)).isEmpty();
    assertThat(c.map().annotate("\tat sum.sum(sum.java:" + (sumLine + 2) + ")\n\tat x.y(Z.java:1)"))
        .isEqualTo(
            "\tat sum.sum(sum.java:"
                + (sumLine + 2)
                + ") [method sum line 3]\n"
                + "\tat x.y(Z.java:1)");
  }

  @Test
  void an_unknown_method_is_explained_with_the_methods_there_are() {
    assertThatThrownBy(() -> SourceCollector.collect("Acc", NOTEBOOK))
        .isInstanceOf(MagicException.class)
        .hasMessageContaining("no method named Acc")
        .hasMessageContaining("cube, unrelated, sum");
  }

  @Test
  void identifiers_inside_comments_and_literals_do_not_count() {
    assertThat(JavaIdentifiers.in("a + b(\"c d\") /* e */ // f\n + 'g' + \"\"\"\nh\n\"\"\" + i"))
        .containsExactly("a", "b", "i");
  }
}
