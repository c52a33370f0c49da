package org.funcx.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.funcx.kernel.magic.CellPart.CellMagicCall;
import org.funcx.kernel.magic.CellPart.JavaCode;
import org.funcx.kernel.magic.CellPart.LineMagicCall;
import org.junit.jupiter.api.Test;

class CellParserTest {
  @Test
  void a_cell_magic_takes_the_rest_of_the_cell_verbatim() {
    assertThat(CellParser.parse("%%funcx function sq \n  long sq(long x) {\n%not a magic\n}"))
        .containsExactly(
            new CellMagicCall("funcx", "function sq", "  long sq(long x) {\n%not a magic\n}"));
    assertThat(CellParser.parse("%%time")).containsExactly(new CellMagicCall("time", "", ""));
  }

  @Test
  void line_magics_keep_quotes_and_split_java_code_around_them() {
    List<CellPart> parts =
        CellParser.parse("int a = 1;\n  %funcx run f(\"x y\", 'c') --cache\nint b = 2;\n");
    assertThat(parts)
        .containsExactly(
            new JavaCode("int a = 1;\n", 1),
            new LineMagicCall("funcx", "run f(\"x y\", 'c') --cache", 2),
            new JavaCode("int b = 2;\n\n", 3));
  }

  @Test
  void percent_signs_inside_java_are_not_magics() {
    assertThat(CellParser.parse("int r = 7 % 3;\nString s = \"%d\";"))
        .singleElement()
        .isInstanceOf(JavaCode.class);
    assertThat(CellParser.parse("String t = \"\"\"\n%inside text block\n\"\"\";"))
        .singleElement()
        .isInstanceOf(JavaCode.class);
  }

  @Test
  void a_cell_magic_must_be_the_first_line() {
    assertThat(CellParser.parse("int a = 1;\n%%time\n"))
        .doesNotHaveAnyElementsOfTypes(CellMagicCall.class);
  }
}
