package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.funcx.core.exec.TestFunctions.args;
import static org.funcx.core.exec.TestFunctions.compile;
import static org.funcx.core.exec.TestFunctions.result;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The manager enforces timeouts by interrupting the worker thread; interrupts must get through. */
class InterruptTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void pendingInterruptStopsTheCallBeforeUserCodeRuns() throws Exception {
    CompiledFunction counter =
        compile("count", "static int calls;\nint count() { return ++calls; }");

    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> counter.invoke(args("[]"))).isInstanceOf(InterruptedException.class);

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(result(counter, "[]")).isEqualTo("1");
  }

  @Test
  void interruptedSleepPropagatesAsInterruptedException() throws Exception {
    CompiledFunction nap =
        compile(
            "nap",
            "String nap() throws InterruptedException {\n"
                + "  Thread.sleep(60_000);\n  return \"woke\";\n}");

    Throwable thrown = runAndInterrupt(nap);

    assertThat(thrown).isInstanceOf(InterruptedException.class).hasMessageContaining("sleep");
  }

  @Test
  void interruptWrappedByUserCodeStillPropagates() throws Exception {
    CompiledFunction nap =
        compile(
            "nap",
            """
        String nap() {
          try { Thread.sleep(60_000); } catch (InterruptedException e) { throw new RuntimeException(e); }
          return "woke";
        }
        """);

    Throwable thrown = runAndInterrupt(nap);

    assertThat(thrown)
        .isInstanceOf(InterruptedException.class)
        .hasMessageStartingWith("nap was interrupted")
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void swallowedInterruptReturnsTheResultAndKeepsTheFlagTheUserLeft() throws Exception {
    CompiledFunction stubborn =
        compile(
            "stubborn",
            """
        String stubborn() {
          Thread.currentThread().interrupt();
          return "done";
        }
        """);

    assertThat(result(stubborn, "[]")).isEqualTo("\"done\"");
    assertThat(Thread.interrupted()).isTrue();
  }

  /** Runs the function on another thread, interrupts it once it is running, returns what it threw. */
  private static Throwable runAndInterrupt(CompiledFunction function) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              started.complete(null);
              try {
                function.invoke(args("[]"));
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    worker.start();
    started.get(5, TimeUnit.SECONDS);
    while (worker.getState() != Thread.State.TIMED_WAITING && worker.isAlive()) Thread.onSpinWait();
    worker.interrupt();
    worker.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(worker.isAlive()).as("worker stopped").isFalse();
    return thrown.get();
  }
}
