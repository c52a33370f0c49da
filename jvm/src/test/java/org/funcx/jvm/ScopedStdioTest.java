package org.funcx.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Routing by scope, in this JVM: writes outside any capturing scope reach the real streams. */
class ScopedStdioTest {
  @Test
  void each_scope_and_the_threads_it_starts_print_into_its_own_capture() throws Exception {
    ScopedStdio.install();
    ScopedStdio.install(); // once only: a second install must not wrap the router again
    CapturedOutput first = new CapturedOutput(1 << 16);
    CapturedOutput second = new CapturedOutput(1 << 16);
    StopScope a = new StopScope("task a");
    StopScope b = new StopScope("task b");
    a.captureOutput(first);
    b.captureOutput(second);
    CountDownLatch bothPrinting = new CountDownLatch(2);
    Thread ta = new Thread(() -> printIn(a, "a", bothPrinting), "test-scope-a");
    Thread tb = new Thread(() -> printIn(b, "b", bothPrinting), "test-scope-b");
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    System.out.println("outside any scope"); // to the real stream

    assertThat(first.stdout()).isEqualTo("a 0\n".repeat(1) + lines("a") + "child of a\n");
    assertThat(first.stderr()).isEqualTo("a on err\n");
    assertThat(second.stdout()).isEqualTo("a 0\n".replace('a', 'b') + lines("b") + "child of b\n");
    assertThat(second.stderr()).isEqualTo("b on err\n");
  }

  @Test
  void a_scope_without_a_capture_prints_to_the_real_streams() throws Exception {
    ScopedStdio.install();
    StopScope plain = new StopScope("cell 1");
    assertThat(plain.output()).isNull();
    plain.call(
        () -> {
          System.out.println("not captured");
          return null;
        });
  }

  private static String lines(String name) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i < 1000; i++) s.append(name).append(' ').append(i).append('\n');
    return s.toString();
  }

  private static void printIn(StopScope scope, String name, CountDownLatch bothPrinting) {
    try {
      scope.call(
          () -> {
            System.out.println(name + " 0");
            bothPrinting.countDown();
            bothPrinting.await(); // both scopes print at the same time from here on
            for (int i = 1; i < 1000; i++) System.out.println(name + " " + i);
            System.err.println(name + " on err");
            Thread child =
                new Thread(() -> System.out.println("child of " + name), "child-" + name);
            child.start();
            child.join();
            return null;
          });
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
