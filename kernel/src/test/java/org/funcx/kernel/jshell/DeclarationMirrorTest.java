package org.funcx.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The compile-only mirror on a real JShell; the kernel-level behaviour is test_code_assist.py. */
@Timeout(120)
class DeclarationMirrorTest {
  private static final List<SnippetInfo> SESSION =
      List.of(
          new SnippetInfo("s1", SnippetKind.IMPORT, "java.util.*", "import java.util.*;"),
          new SnippetInfo("s2", SnippetKind.VARIABLE, "names", "List<String> names = List.of();"));
  private final DeclarationMirror mirror =
      new DeclarationMirror(System.getProperty("java.class.path"), 3);

  @AfterEach
  void close() {
    mirror.close();
  }

  private List<String> complete(List<SnippetInfo> session, String above, String snippet) {
    return mirror.withDeclared(
        session,
        above,
        snippet,
        analysis ->
            analysis.completionSuggestions(snippet, snippet.length(), new int[1]).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .toList());
  }

  @Test
  void past_its_bound_of_scratch_snippets_the_mirror_is_rebuilt_and_still_answers() {
    for (int i = 0; i < 4; i++) {
      assertThat(complete(SESSION, "Integer names = " + i + ";\n", "names.intVal"))
          .contains("intValue()");
      assertThat(complete(SESSION, "int unrelated = 0;\n", "names.isEmp"))
          .as("the session's names again after the cell's was dropped")
          .contains("isEmpty()");
    }
    assertThat(mirror.rebuilds()).isPositive();
    assertThat(complete(SESSION, "String fresh = \"\";\n", "fresh.toUpp")).contains("toUpperCase(");
  }

  @Test
  void a_declaration_the_session_replaced_is_replaced_in_the_mirror() {
    assertThat(complete(SESSION, "int x = 0;\n", "names.isEmp")).contains("isEmpty()");
    List<SnippetInfo> replaced =
        List.of(
            SESSION.get(0),
            new SnippetInfo("s3", SnippetKind.VARIABLE, "names", "String names = \"\";"));
    assertThat(complete(replaced, "int x = 0;\n", "names.toUpp")).contains("toUpperCase(");
    assertThat(mirror.rebuilds()).isZero();
  }

  @Test
  void only_what_the_code_can_refer_to_is_mirrored_for_a_request_and_that_is_enough() {
    List<SnippetInfo> session =
        List.of(
            SESSION.get(0),
            new SnippetInfo("b1", SnippetKind.CLASS, "Box", "class Box { String label; }"),
            new SnippetInfo("b2", SnippetKind.METHOD, "make", "Box make() { return new Box(); }"),
            new SnippetInfo(
                "b3", SnippetKind.METHOD, "twice", "int twice(int x) { return 2 * x; }"),
            new SnippetInfo("b4", SnippetKind.VARIABLE, "other", "String other = \"\";"));
    assertThat(
            RelevantDeclarations.of(session, "var b = make();\nb.lab").stream()
                .map(SnippetInfo::name))
        .containsExactly("java.util.*", "Box", "make");
    assertThat(complete(session, "var b = make();\n", "b.lab")).contains("label");
    assertThat(complete(session, "var b = make();\n", "twi")).contains("twice(");
  }

  @Test
  void statements_and_expressions_above_the_cursor_are_not_declared() {
    assertThat(complete(SESSION, "names.size();\nSystem.out.println(1);\n", "$")).isEmpty();
  }
}
