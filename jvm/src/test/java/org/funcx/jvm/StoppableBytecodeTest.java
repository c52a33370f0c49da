package org.funcx.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StoppableBytecodeTest {
  private static final String SOURCE =
      """
      import java.util.concurrent.atomic.AtomicLong;
      public class Busy {
        public static final AtomicLong SPINS = new AtomicLong();
        public static long spin() { while (true) { SPINS.incrementAndGet(); } }
        public static long stubborn() {
          while (true) {
            try { while (true) { Thread.onSpinWait(); } } catch (Throwable t) { SPINS.incrementAndGet(); }
          }
        }
        public static long recurse(long n) {
          try { return recurse(n + 1); } catch (Throwable t) { return recurse(n + 1); }
        }
        public static long children() throws Exception {
          Thread[] threads = new Thread[8];
          for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> { while (true) { SPINS.incrementAndGet(); } });
            threads[i].start();
          }
          for (Thread t : threads) t.join();
          return 0;
        }
        public static long sum(int n) {
          long s = 0;
          for (int i = 1; i <= n; i++) { switch (i % 3) { case 0: s += i; break; default: s += 2 * i; } }
          return s;
        }
        public Busy() { super(); }
      }
      """;

  private static Method method(String name, Class<?>... types) throws Exception {
    return InMemoryJavac.load("Busy", SOURCE, true).getMethod(name, types);
  }

  /** Runs {@code m} in a new scope on its own thread; stops the scope after 300 ms. */
  private static Throwable runAndStop(Method m, Object... args) throws Exception {
    try (StopScope scope = new StopScope("test")) {
      return runAndStop(scope, m, args);
    }
  }

  /** As above, leaving the scope armed (threads the code started may still be on their way). */
  private static Throwable runAndStop(StopScope scope, Method m, Object... args) throws Exception {
    CompletableFuture<Object> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                done.complete(scope.call(() -> m.invoke(null, args)));
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            },
            "stoppable-test");
    t.start();
    Thread.sleep(300);
    assertThat(done).isNotDone();
    scope.stop("enough");
    try {
      done.get(10, TimeUnit.SECONDS);
      throw new AssertionError("stopped code returned normally");
    } catch (ExecutionException e) {
      t.join(5_000);
      assertThat(t.isAlive()).isFalse();
      return e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
    }
  }

  @Test
  void a_busy_loop_ends_when_its_scope_is_stopped() throws Exception {
    Throwable thrown = runAndStop(method("spin"));
    assertThat(thrown).isInstanceOf(StoppedError.class).hasMessage("test was stopped: enough");
  }

  @Test
  void catching_throwable_inside_the_loop_does_not_keep_it_alive() throws Exception {
    assertThat(runAndStop(method("stubborn"))).isInstanceOf(StoppedError.class);
  }

  @Test
  void recursion_that_catches_everything_ends_too() throws Exception {
    Throwable thrown = runAndStop(method("recurse", long.class), 0L);
    assertThat(thrown).isInstanceOfAny(StoppedError.class, StackOverflowError.class);
  }

  @Test
  void threads_the_code_started_are_stopped_with_it() throws Exception {
    Class<?> busy = InMemoryJavac.load("Busy", SOURCE, true);
    java.util.concurrent.atomic.AtomicLong spins =
        (java.util.concurrent.atomic.AtomicLong) busy.getField("SPINS").get(null);
    try (StopScope scope = new StopScope("test")) {
      runAndStop(scope, busy.getMethod("children"));
      long deadline = System.currentTimeMillis() + 10_000;
      long before;
      do {
        before = spins.get();
        Thread.sleep(200);
      } while (spins.get() != before && System.currentTimeMillis() < deadline);
      assertThat(spins.get()).as("children still spinning").isEqualTo(before);
    }
  }

  @Test
  void instrumented_code_computes_what_it_did_before() throws Exception {
    Method plain = InMemoryJavac.load("Busy", SOURCE, false).getMethod("sum", int.class);
    Method instrumented = method("sum", int.class);
    assertThat(instrumented.invoke(null, 100_000)).isEqualTo(plain.invoke(null, 100_000));
    Object object = InMemoryJavac.load("Busy", SOURCE, true).getConstructor().newInstance();
    assertThat(object).isNotNull();
  }

  @Test
  void a_stopped_scope_stops_nothing_once_closed_and_other_threads_never() throws Exception {
    Method sum = method("sum", int.class);
    StopScope other = new StopScope("other");
    other.stop("not yours");
    try {
      assertThat(sum.invoke(null, 1000)).isNotNull(); // no scope on this thread
      StopScope mine = new StopScope("mine");
      assertThat(mine.call(() -> sum.invoke(null, 1000))).isNotNull();
      mine.stop("now");
      assertThatThrownBy(() -> mine.call(() -> sum.invoke(null, 1000)))
          .isInstanceOf(StoppedError.class);
      mine.close();
    } finally {
      other.close();
    }
    assertThat(StopScope.STOPPING.get()).isZero();
  }

  @Test
  void malformed_class_files_are_refused_clearly() {
    assertThatThrownBy(() -> StoppableBytecode.instrument(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a class file");
  }
}
