package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.funcx.core.exec.TestFunctions.error;
import static org.funcx.core.exec.TestFunctions.result;
import static org.funcx.core.exec.TestFunctions.spec;

import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.junit.jupiter.api.Test;

/**
 * Results are bounded while they are encoded, and error texts (which user code controls as much)
 * are bounded too (issue 13, item 7).
 */
class BoundedErrorsAndResultsTest {
  private static final long LIMIT = 1 << 20;

  private static CompiledFunction limited(String entry, String source) throws Exception {
    return new FunctionCompiler(null, LIMIT).compile(spec(entry, source));
  }

  @Test
  void anEndlessListFailsAtTheLimitInsteadOfFillingTheHeap() throws Exception {
    // An endless list: encoding it whole would never end; the sink refuses at 1 MiB.
    CompiledFunction endless =
        limited(
            "endless",
            """
        import java.util.*;
        List<String> endless() {
          return new AbstractList<String>() {
            public String get(int i) { return "element " + i; }
            public int size() { return Integer.MAX_VALUE; }
          };
        }
        """);

    TaskError error = error(endless, "[]");

    assertThat(error.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
    assertThat(error.message()).contains("limit of " + LIMIT + " bytes of JSON");
  }

  @Test
  void theLimitCountsUtf8BytesNotChars() throws Exception {
    // "é" is 2 bytes of UTF-8, "€" 3, "😀" (a surrogate pair) 4, the quotes 2: 13 in all.
    CompiledFunction text =
        new FunctionCompiler(null, 13).compile(spec("text", "String text(String s) { return s; }"));

    assertThat(result(text, "[\"éé€😀\"]")).isEqualTo("\"éé€😀\"");
    assertThat(error(text, "[\"ééé€😀\"]").kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
    assertThat(error(text, "[\"éé€😀x\"]").kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
  }

  @Test
  void theSinkRefusesTheWriteThatCrossesAndKeepsNoMore() throws Exception {
    BoundedJsonText sink = new BoundedJsonText(5);
    sink.write("abcd");
    assertThatThrownBy(() -> sink.write("ef"))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("limit of 5 bytes");
    assertThat(sink.toString()).isEqualTo("abcd");
    sink.write('e');
    assertThat(sink.toString()).isEqualTo("abcde");
  }

  @Test
  void aHugeExceptionMessageIsCutWithAMarker() throws Exception {
    CompiledFunction shout =
        limited(
            "shout",
            """
        int shout(int n) { throw new IllegalStateException("x".repeat(n)); }
        """);

    TaskError error = error(shout, "[" + (8 << 20) + "]");

    assertThat(error.kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
    int kept = TextCut.MAX_MESSAGE_CHARS;
    String marker = " [... " + ((8 << 20) - kept) + " more characters cut]";
    assertThat(error.message())
        .isEqualTo("java.lang.IllegalStateException: " + "x".repeat(kept) + marker);
    assertThat(error.details()).startsWith(error.message() + "\n\tat shout.shout(shout.java:1)");
    assertThat(error.details().length()).isLessThan(kept + 4096);
  }

  @Test
  void deepTracesKeepAFixedNumberOfFramesAndSayHowManyWereCut() throws Exception {
    CompiledFunction deep =
        limited("deep", "int deep(int n) { return n == 0 ? 1 / n : deep(n - 1); }");

    TaskError error = error(deep, "[500]");

    assertThat(error.message()).isEqualTo("java.lang.ArithmeticException: / by zero");
    assertThat(error.details().lines().filter(l -> l.startsWith("\tat ")))
        .hasSize(RemoteStackTrace.MAX_FRAMES);
    assertThat(error.details())
        .endsWith("\t... [" + (501 - RemoteStackTrace.MAX_FRAMES) + " more frames cut]");
  }

  @Test
  void longCauseChainsAreCut() throws Exception {
    CompiledFunction chain =
        limited(
            "chain",
            """
        int chain(int n) {
          RuntimeException e = new RuntimeException("root");
          for (int i = 0; i < n; i++) e = new RuntimeException("level " + i, e);
          throw e;
        }
        """);

    TaskError error = error(chain, "[1000]");

    assertThat(error.details().lines().filter(l -> l.startsWith("Caused by: ")))
        .hasSize(RemoteStackTrace.MAX_EXCEPTIONS - 1);
    assertThat(error.details())
        .contains("\t... [more exceptions cut: " + RemoteStackTrace.MAX_EXCEPTIONS + " kept]");
  }
}
