package org.funcx.magics.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.funcx.kernel.spi.MagicUsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MagicArgsTest {
  private static final ArgSpec RUN =
      ArgSpec.positional(1, 1).withFlags("--cache").withValues("--endpoint", "--out");

  static Stream<Arguments> words() {
    return Stream.of(
        Arguments.of("sq(12)", List.of("sq(12)")),
        Arguments.of("  greet(\"a b\", 'c')   --cache ", List.of("greet(\"a b\", 'c')", "--cache")),
        Arguments.of(
            "f(g(1, 2), new int[] {3, 4}) --out r",
            List.of("f(g(1, 2), new int[] {3, 4})", "--out", "r")),
        Arguments.of("f(\"a \\\" ) b\")", List.of("f(\"a \\\" ) b\")")),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest(name = "{index}: \"{0}\"")
  @MethodSource
  void words(String raw, List<String> expected) {
    assertThat(MagicArgs.words(raw, "usage")).isEqualTo(expected);
  }

  @Test
  void options_and_positional_words_are_separated() {
    ParsedArgs args = MagicArgs.parse("sq(2) --endpoint \"my endpoint\" --cache", RUN, "u");
    assertThat(args.positional()).containsExactly("sq(2)");
    assertThat(args.flag("--cache")).isTrue();
    assertThat(args.value("--endpoint")).contains("my endpoint");
    assertThat(args.value("--out")).isEmpty();
  }

  @Test
  void mistakes_are_usage_errors_that_end_with_the_usage() {
    assertThatThrownBy(() -> MagicArgs.parse("sq(1) --bogus", RUN, "usage: X"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("unknown option --bogus")
        .satisfies(
            e -> assertThat(((MagicUsageException) e).traceback()).last().isEqualTo("usage: X"));
    assertThatThrownBy(() -> MagicArgs.parse("sq(1) --out", RUN, "u"))
        .hasMessage("--out needs a value");
    assertThatThrownBy(() -> MagicArgs.parse("", RUN, "u"))
        .hasMessage("expected 1 argument, got 0");
    assertThatThrownBy(() -> MagicArgs.parse("a b", RUN, "u"))
        .hasMessage("expected 1 argument, got 2");
    assertThatThrownBy(() -> MagicArgs.parse("f(1", RUN, "u")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> MagicArgs.parse("f(1]", RUN, "u")).hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> MagicArgs.parse("f(\"x)", RUN, "u"))
        .hasMessageContaining("unclosed quote");
  }

  @Test
  void a_call_is_a_name_and_argument_text() {
    assertThat(CallSyntax.parse("sq( 1 + 2 )", "u")).isEqualTo(new CallSyntax("sq", "1 + 2"));
    assertThat(CallSyntax.parse("noArgs()", "u")).isEqualTo(new CallSyntax("noArgs", ""));
    assertThatThrownBy(() -> CallSyntax.parse("sq", "u"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("expected a call like sq(12)");
  }
}
