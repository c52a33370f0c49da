package org.funcx.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.funcx.kernel.charts.ChartError;
import org.funcx.kernel.spi.CompileError;
import org.funcx.kernel.spi.InterruptedCellError;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;
import org.funcx.kernel.spi.UserCodeError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JShellSessionTest {
  private static UserThreads threads;
  private static JShellSession session;

  @BeforeAll
  static void start() {
    threads = new UserThreads();
    session =
        JShellSession.start(
            threads,
            System.getProperty("java.class.path"),
            List.of("import java.util.*;"),
            List.of("import static java.lang.Math.*;"));
  }

  @AfterAll
  static void stop() {
    session.close();
    threads.close();
  }

  @BeforeEach
  void newCell() {
    threads.beginCell();
  }

  private Object eval(String code) {
    return session.eval(code, SourceOrigin.cell(7)).map(SnippetValue::value).orElse(null);
  }

  @Test
  void several_snippets_run_in_order_and_the_last_expression_is_the_value() {
    Object value = eval("int base = 40;\nint plus(int a) { return a + 2; }\nplus(base)");
    assertThat(value).isEqualTo(42);
  }

  @Test
  void an_error_a_notebook_helper_throws_is_shown_as_itself_not_as_a_stack_trace() {
    ChartError error =
        catchThrowableOfType(
            ChartError.class,
            () -> eval("int before = 1;\norg.funcx.kernel.charts.Charts.plot(List.of())"));
    assertThat(error.traceback()).containsExactly("nothing to draw: the list is empty");
    assertThat(eval("before")).isEqualTo(1);
    // the user's own exceptions still come with their stack trace
    assertThatThrownBy(() -> eval("Integer.parseInt(\"x\")")).isInstanceOf(UserCodeError.class);
  }

  @Test
  void the_value_is_the_real_object_not_its_text() {
    assertThat(eval("new StringBuilder(\"abc\")")).isInstanceOf(StringBuilder.class);
    assertThat(session.eval("null", SourceOrigin.cell(1))).contains(new SnippetValue(null));
    assertThat(session.eval("int unused = 1;", SourceOrigin.cell(1))).isEmpty();
  }

  @Test
  void a_compile_error_names_the_cell_line_and_shows_a_caret() {
    CompileError error =
        catchThrowableOfType(
            CompileError.class, () -> eval("int ok = 1;\n\nString s = ok + missingName;"));
    assertThat(error.getMessage()).isEqualTo("cell [7], line 3: cannot find symbol");
    assertThat(error.traceback())
        .contains(
            "  symbol:   variable missingName",
            "    String s = ok + missingName;",
            "                    ^");
    assertThat(String.join("\n", error.traceback())).doesNotContain("location: class");
  }

  @Test
  void an_exception_trace_points_at_cell_lines_below_comments_and_blank_lines() {
    eval("// a helper\n\nint half(int v) {\n  return v / (v - v);\n}");
    UserCodeError error =
        catchThrowableOfType(
            UserCodeError.class,
            () -> session.eval("\n\n  // call it\n  half(4)", SourceOrigin.cell(9)));
    assertThat(error.getMessage()).isEqualTo("java.lang.ArithmeticException: / by zero");
    assertThat(error.traceback())
        .containsExactly(
            "java.lang.ArithmeticException: / by zero",
            "    at half (cell [7], line 4)",
            "    at cell [9], line 4");
  }

  @Test
  void code_that_ends_mid_statement_is_a_compile_error_naming_where_it_starts() {
    assertThatThrownBy(() -> eval("int done = 1;\nint notDone = (1 +"))
        .isInstanceOf(CompileError.class)
        .hasMessageContaining("cell [7], line 2");
  }

  @Test
  void an_interrupt_stops_a_busy_loop_and_the_session_keeps_working() throws Exception {
    // snippets run in this JVM, so the loop can say through a system property that it runs: an
    // interrupt that lands while the snippet still compiles (a loaded machine) tests nothing
    System.clearProperty("funcx.test.spinning");
    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                eval(
                    "long spins = 0;\nwhile (true) {\n"
                        + "  if (++spins == 1) System.setProperty(\"funcx.test.spinning\", \"yes\");\n}");
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.getProperty("funcx.test.spinning") == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(System.getProperty("funcx.test.spinning")).as("the loop started").isEqualTo("yes");
    threads.interrupt();
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedCellError.class);
    threads.beginCell();
    assertThat(eval("spins > 0")).isEqualTo(true);
  }

  @Test
  void declarations_list_the_users_imports_methods_classes_and_variables_only() {
    eval(
        "import java.time.Duration;\nint sq(int x) { return x * x; }\nclass Point {}\n"
            + "var origin = new Point();\nsq(3)");
    List<SnippetInfo> declared = session.declarations();
    assertThat(declared)
        .extracting(SnippetInfo::kind, SnippetInfo::name)
        .contains(
            org.assertj.core.groups.Tuple.tuple(SnippetKind.IMPORT, "java.util.*"),
            org.assertj.core.groups.Tuple.tuple(SnippetKind.IMPORT, "java.time.Duration"),
            org.assertj.core.groups.Tuple.tuple(SnippetKind.METHOD, "sq"),
            org.assertj.core.groups.Tuple.tuple(SnippetKind.CLASS, "Point"),
            org.assertj.core.groups.Tuple.tuple(SnippetKind.VARIABLE, "origin"));
    assertThat(declared).noneMatch(s -> s.source().contains("java.lang.Math"));
    assertThat(declared).noneMatch(s -> s.source().startsWith("sq(3)"));
    assertThat(declared)
        .filteredOn(s -> s.name().equals("sq"))
        .singleElement()
        .extracting(SnippetInfo::source)
        .isEqualTo("int sq(int x) { return x * x; }");
  }

  @Test
  void a_variable_set_by_the_kernel_is_typed_for_later_code() {
    session.declareVariable("_fx", null, List.of(1L, 2L));
    assertThat(eval("_fx.size()")).isEqualTo(2);
    session.declareVariable("_fx", Long.class, 41L);
    assertThat(eval("_fx + 1")).isEqualTo(42L);
    assertThatThrownBy(() -> session.declareVariable("not a name", null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
