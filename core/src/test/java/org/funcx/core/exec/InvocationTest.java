package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.funcx.core.exec.TestFunctions.compile;
import static org.funcx.core.exec.TestFunctions.error;
import static org.funcx.core.exec.TestFunctions.result;
import static org.funcx.core.exec.TestFunctions.spec;

import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.junit.jupiter.api.Test;

class InvocationTest {

  @Test
  void squaresLongs() throws Exception {
    CompiledFunction sq = compile("sq", "long sq(long x) { return x * x; }");

    assertThat(result(sq, "[12]")).isEqualTo("144");
    assertThat(result(sq, "[3000000000]")).isEqualTo("9000000000000000000");
  }

  @Test
  void genericCollectionsAndRecordsGoInAndComeOut() throws Exception {
    CompiledFunction function =
        compile(
            "summarize",
            """
        import java.util.*;
        record Point(double x, double y) {}
        record Summary(int n, Point centre, Map<String, Integer> tags) {}
        Summary summarize(List<Point> points, Map<String, List<Integer>> tags) {
          double x = 0, y = 0;
          for (Point p : points) { x += p.x(); y += p.y(); }
          Map<String, Integer> sizes = new TreeMap<>();
          tags.forEach((k, v) -> sizes.put(k, v.size()));
          return new Summary(points.size(), new Point(x / points.size(), y / points.size()), sizes);
        }
        """);

    String json =
        result(function, "[[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}], {\"a\":[1,2,3],\"b\":[]}]");

    assertThat(json)
        .isEqualTo("{\"n\":2,\"centre\":{\"x\":2.0,\"y\":3.0},\"tags\":{\"a\":3,\"b\":0}}");
  }

  @Test
  void importsHelpersAndNestedClassesServeTheEntry() throws Exception {
    CompiledFunction evens =
        compile(
            "evens",
            """
        import java.util.*;
        import java.util.stream.*;
        static final int STEP = 2;
        static class Acc { final List<Integer> out = new ArrayList<>(); }
        boolean keep(int i) { return i % STEP == 0; }
        List<Integer> evens(int n) {
          var acc = new Acc();
          IntStream.range(0, n).filter(this::keep).forEach(acc.out::add);
          return acc.out;
        }
        """);

    assertThat(result(evens, "[7]")).isEqualTo("[0,2,4,6]");
  }

  @Test
  void voidReturnsJsonNullAndStaticMethodsWork() throws Exception {
    assertThat(result(compile("noop", "void noop(String s) {}"), "[\"x\"]")).isEqualTo("null");
    assertThat(result(compile("twice", "static int twice(int x) { return 2 * x; }"), "[4]"))
        .isEqualTo("8");
  }

  @Test
  void everyCallGetsAFreshInstance() throws Exception {
    CompiledFunction counter = compile("next", "int calls;\nint next() { return ++calls; }");

    assertThat(result(counter, "[]")).isEqualTo("1");
    assertThat(result(counter, "[]")).isEqualTo("1");
  }

  @Test
  void overloadsAreChosenByArgumentCount() throws Exception {
    CompiledFunction area =
        compile(
            "area",
            """
        double area(double side) { return side * side; }
        double area(double w, double h) { return w * h; }
        int other() { return 0; }
        """);

    assertThat(result(area, "[3]")).isEqualTo("9.0");
    assertThat(result(area, "[2, 5]")).isEqualTo("10.0");
    assertThat(area.signatures()).extracting(FunctionSignature::arity).containsExactly(1, 2);
    assertThat(error(area, "[1, 2, 3]").message())
        .isEqualTo(
            "area has no overload taking 3 arguments; it declares area(double side),"
                + " area(double w, double h)");
  }

  @Test
  void overloadsWithTheSameArityAreAmbiguous() throws Exception {
    CompiledFunction show =
        compile(
            "show", "String show(int x) { return \"int\"; }\nString show(String s) { return s; }");

    TaskError error = error(show, "[1]");

    assertThat(error.kind()).isEqualTo(ErrorKind.ARGUMENT_ERROR);
    assertThat(error.message()).contains("show has 2 overloads taking 1 argument", "ambiguous");
  }

  @Test
  void exceptionReportsTheUsersLinesWithoutReflectionFrames() throws Exception {
    CompiledFunction ratio =
        compile(
            "ratio",
            """
        import java.util.*;
        int divide(int a, int b) {
          return a / b;
        }
        int ratio(int a, int b) {
          try {
            return divide(a, b);
          } catch (ArithmeticException e) {
            throw new IllegalStateException("no ratio for " + a, e);
          }
        }
        """);

    TaskError error = error(ratio, "[1, 0]");

    assertThat(error.kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
    assertThat(error.message()).isEqualTo("java.lang.IllegalStateException: no ratio for 1");
    assertThat(error.details())
        .startsWith(
            "java.lang.IllegalStateException: no ratio for 1\n\tat ratio.ratio(ratio.java:9)")
        .contains("Caused by: java.lang.ArithmeticException: / by zero")
        .contains("at ratio.divide(ratio.java:3)", "at ratio.ratio(ratio.java:7)")
        .doesNotContain("reflect", "org.funcx", "junit", "Fn_");
  }

  @Test
  void userExceptionTypesAndLambdaFramesAreRenamed() throws Exception {
    CompiledFunction check =
        compile(
            "check",
            """
        import java.util.*;
        static class BadInput extends RuntimeException { BadInput(String m) { super(m); } }
        void check(List<Integer> xs) {
          xs.forEach(x -> {
            if (x < 0) throw new BadInput("negative: " + x);
          });
        }
        """);

    TaskError error = error(check, "[[1, -2]]");

    assertThat(error.message()).isEqualTo("check$BadInput: negative: -2");
    assertThat(error.details())
        .contains("(check.java:5)", "java.util.ArrayList.forEach", "at check.check(check.java:4)")
        .doesNotContain("reflect");
  }

  @Test
  void failingStaticInitializerIsARemoteException() throws Exception {
    CompiledFunction broken =
        compile("f", "static int[] table = new int[-1];\nint f() { return 1; }");

    TaskError first = error(broken, "[]");
    TaskError second = error(broken, "[]");

    assertThat(first.kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
    assertThat(first.message()).startsWith("java.lang.ExceptionInInitializerError");
    assertThat(first.details()).contains("NegativeArraySizeException", "(f.java:1)");
    assertThat(second.kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
    assertThat(second.message()).contains("NoClassDefFoundError");
  }

  @Test
  void unencodableResultIsASerializationError() throws Exception {
    CompiledFunction loop =
        compile(
            "loop",
            """
        static class Node { Node next; }
        Node loop() { Node a = new Node(), b = new Node(); a.next = b; b.next = a; return a; }
        """);

    TaskError error = error(loop, "[]");

    assertThat(error.kind()).isEqualTo(ErrorKind.SERIALIZATION_ERROR);
    assertThat(error.message()).startsWith("the result of loop (Node) cannot be encoded as JSON");
  }

  @Test
  void resultOverTheLimitIsPayloadTooLarge() throws Exception {
    FunctionCompiler limited = new FunctionCompiler(null, 100);
    CompiledFunction text =
        limited.compile(spec("text", "String text(int n) { return \"x\".repeat(n); }"));

    assertThat(error(text, "[200]"))
        .isEqualTo(
            new TaskError(
                ErrorKind.PAYLOAD_TOO_LARGE,
                "the result of text is over the limit of 100 bytes of JSON (encoding stopped there)",
                ""));
    assertThat(result(text, "[98]")).hasSize(100);
  }
}
