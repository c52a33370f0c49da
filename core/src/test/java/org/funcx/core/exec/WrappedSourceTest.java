package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrappedSourceTest {

  @Test
  void classHeaderGoesOnTheFirstDeclarationLineSoNoLineMoves() {
    String source = "import java.util.*;\n\n// squares\nlong sq(long x) {\n  return x * x;\n}";
    WrappedSource wrapped = WrappedSource.wrap(source, "Fn_x");

    assertThat(wrapped.text().lines().toList())
        .containsExactly(
            "import java.util.*;",
            "",
            "// squares",
            "public class Fn_x { long sq(long x) {",
            "  return x * x;",
            "}",
            "}");
  }

  @Test
  void commentsMentioningImportAndImportsSharingALineAreSkipped() {
    String source =
        "/* import this\n later */ import java.util.List; import static java.lang.Math.max;"
            + " int f() { return 1; }";

    int at = WrappedSource.firstDeclarationOffset(source);

    assertThat(source.substring(at)).startsWith("int f()");
  }

  @Test
  void anIdentifierStartingWithImportIsADeclaration() {
    assertThat(WrappedSource.firstDeclarationOffset("importance() {}")).isZero();
  }

  @Test
  void offsetsMapBackToTheUserSource() {
    String source = "import java.util.*;\nint f() { return y; }";
    WrappedSource wrapped = WrappedSource.wrap(source, "Fn_x");
    int yInWrapped = wrapped.text().indexOf("y;");
    int headerInWrapped = wrapped.text().indexOf("public class");

    assertThat(wrapped.userOffset(yInWrapped)).isEqualTo(source.indexOf("y;"));
    assertThat(wrapped.userOffset(headerInWrapped + 3)).isEqualTo(source.indexOf("int f"));
    assertThat(wrapped.userOffset(wrapped.text().length() - 1)).isEqualTo(source.length());
  }
}
