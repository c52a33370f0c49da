package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.funcx.core.exec.TestFunctions.compile;
import static org.funcx.core.exec.TestFunctions.error;
import static org.funcx.core.exec.TestFunctions.result;

import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArgumentConversionTest {
  private static CompiledFunction sq;

  @BeforeAll
  static void compileSq() throws FunctionCompileException {
    sq = compile("sq", "long sq(long x) { return x * x; }");
  }

  @Test
  void wrongArgumentCountShowsTheSignature() throws Exception {
    TaskError error = error(sq, "[1, 2]");

    assertThat(error)
        .isEqualTo(TaskError.of(ErrorKind.ARGUMENT_ERROR, "sq expects 1 argument (long x), got 2"));
    assertThat(error(sq, "[]").message()).isEqualTo("sq expects 1 argument (long x), got 0");
  }

  @Test
  void fractionForAWholeNumberIsRefusedNotTruncated() throws Exception {
    assertThat(error(sq, "[1.5]"))
        .isEqualTo(
            TaskError.of(
                ErrorKind.ARGUMENT_ERROR,
                "sq: argument 1 (long x): expected a whole number (long), got 1.5"));
    assertThat(result(sq, "[3.0]")).isEqualTo("9");
  }

  @Test
  void stringsNullsAndOverflowAreRefusedForNumbers() throws Exception {
    CompiledFunction inc = compile("inc", "int inc(int n) { return n + 1; }");

    assertThat(error(sq, "[\"5\"]").message()).endsWith("got the string \"5\"");
    assertThat(error(sq, "[null]").message()).endsWith("got null");
    assertThat(error(inc, "[3000000000]").message())
        .isEqualTo(
            "inc: argument 1 (int n): expected a whole number (int), got 3000000000, out of range");
    assertThat(
            result(
                compile("orZero", "long orZero(Long x) { return x == null ? 0 : x; }"), "[null]"))
        .isEqualTo("0");
  }

  @Test
  void stringsAndBooleansAreNotCoerced() throws Exception {
    CompiledFunction shout = compile("shout", "String shout(String s, boolean loud) { return s; }");

    assertThat(error(shout, "[42, true]").message())
        .isEqualTo("shout: argument 1 (java.lang.String s): expected a string, got 42");
    assertThat(error(shout, "[\"a\", \"true\"]").message())
        .isEqualTo(
            "shout: argument 2 (boolean loud): expected true or false, got the string \"true\"");
  }

  @Test
  void strictnessHoldsInsideCollectionsAndRecords() throws Exception {
    CompiledFunction total =
        compile(
            "total",
            """
        import java.util.*;
        record Item(String name, int qty) {}
        int total(List<Item> items) { return items.stream().mapToInt(Item::qty).sum(); }
        """);

    assertThat(result(total, "[[{\"name\":\"a\",\"qty\":2},{\"name\":\"b\",\"qty\":3}]]"))
        .isEqualTo("5");
    assertThat(
            error(total, "[[{\"name\":\"a\",\"qty\":2},{\"name\":\"b\",\"qty\":1.5}]]").message())
        .isEqualTo(
            "total: argument 1 (java.util.List<Item> items): expected a whole number (int),"
                + " got 1.5 at $[1].qty");
    assertThat(error(total, "[5]").message())
        .startsWith("total: argument 1")
        .contains("Expected BEGIN_ARRAY but was NUMBER");
  }

  @Test
  void mapsWithNumberKeysReadTheirKeysStrictly() throws Exception {
    CompiledFunction sum =
        compile(
            "sum",
            """
        import java.util.*;
        long sum(Map<Integer, Long> m) {
          long s = 0;
          for (var e : m.entrySet()) s += e.getKey() * e.getValue();
          return s;
        }
        """);

    assertThat(result(sum, "[{\"2\": 10, \"3\": 1}]")).isEqualTo("23");
    assertThat(error(sum, "[{\"1.5\": 1}]").message())
        .isEqualTo(
            "sum: argument 1 (java.util.Map<java.lang.Integer, java.lang.Long> m):"
                + " expected a whole number (int), got 1.5 at $ key \"1.5\"");
    assertThat(error(sum, "[{\"2\": 0.5}]").message()).endsWith("got 0.5 at $.2");
  }

  @Test
  void unknownEnumConstantIsRefused() throws Exception {
    CompiledFunction paint =
        compile(
            "paint",
            "enum Colour { RED, GREEN }\nString paint(Colour c) { return c.name().toLowerCase(); }");

    assertThat(result(paint, "[\"GREEN\"]")).isEqualTo("\"green\"");
    assertThat(error(paint, "[\"BLUE\"]").message())
        .isEqualTo("paint: argument 1 (Colour c): expected one of RED, GREEN, got \"BLUE\"");
  }

  @Test
  void floatingPointAcceptsNumbersAndTheSpecialValuesJsonGsonWrites() throws Exception {
    CompiledFunction half = compile("half", "double half(double x) { return x / 2; }");

    assertThat(result(half, "[3]")).isEqualTo("1.5");
    assertThat(result(half, "[\"Infinity\"]")).isEqualTo("Infinity");
    assertThat(error(half, "[\"3\"]").message()).endsWith("got the string \"3\"");
    assertThat(error(half, "[1e400]").message()).endsWith("got 1e400, out of range");
  }

  @Test
  void exceptionInARecordConstructorIsAnArgumentError() throws Exception {
    CompiledFunction area =
        compile(
            "area",
            """
        record Box(int w, int h) {
          Box { if (w < 0) throw new IllegalArgumentException("w must not be negative"); }
        }
        int area(Box b) { return b.w() * b.h(); }
        """);

    TaskError error = error(area, "[{\"w\":-1,\"h\":2}]");

    assertThat(error.kind()).isEqualTo(ErrorKind.ARGUMENT_ERROR);
    assertThat(error.message())
        .startsWith("area: argument 1 (Box b)")
        .contains("w must not be negative");
  }
}
