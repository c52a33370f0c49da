package org.funcx.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real threads die of real errors; only the process's exit is caught here. */
class CriticalThreadsTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final Thread.UncaughtExceptionHandler handler =
      CriticalThreads.handler(Set.of("funcx-interchange"), exit::complete, err);

  @Test
  void a_critical_thread_that_dies_ends_the_process_with_code_70() throws Exception {
    die("funcx-interchange", new IllegalStateException("a bug in a loop"));

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(CriticalThreads.EXIT_CODE);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Exception in thread \"funcx-interchange\"")
        .contains("IllegalStateException: a bug in a loop")
        .contains("funcx-interchange died; this process exits with code 70");
  }

  @Test
  void another_thread_that_dies_is_only_printed() throws Exception {
    die("funcx-result-push", new IllegalStateException("one push failed"));

    assertThat(exit).isNotDone();
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Exception in thread \"funcx-result-push\"")
        .doesNotContain("exits with code");
  }

  private void die(String name, RuntimeException error) throws InterruptedException {
    Thread t =
        new Thread(
            () -> {
              throw error;
            },
            name);
    t.setUncaughtExceptionHandler(handler);
    t.start();
    t.join(10_000);
  }
}
