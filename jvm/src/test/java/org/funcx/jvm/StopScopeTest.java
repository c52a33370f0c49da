package org.funcx.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a scope knows of the threads it started, and the threads it must leave alone. */
class StopScopeTest {

  @Test
  void a_scope_counts_the_threads_its_code_and_their_children_start() throws Exception {
    try (StopScope scope = new StopScope("counting")) {
      assertThat(scope.threadsStarted()).isZero();
      scope.call(
          () -> {
            Thread child =
                new Thread(
                    () -> {
                      Thread grandchild = new Thread(() -> {});
                      grandchild.start();
                    });
            child.start();
            child.join();
            return null;
          });
      assertThat(scope.threadsStarted()).isEqualTo(2);
      new Thread(() -> {}).start(); // outside the scope
      assertThat(scope.threadsStarted()).isEqualTo(2);
    }
  }

  @Test
  void a_stopped_scope_stops_the_threads_it_started_but_not_the_common_pool() throws Exception {
    StopScope scope = new StopScope("leftovers");
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch stopped = new CountDownLatch(1);
    CompletableFuture<Throwable> inOwnThread = new CompletableFuture<>();
    CompletableFuture<Throwable> inCommonPool = new CompletableFuture<>();
    try {
      scope.call(
          () -> {
            new Thread(() -> inOwnThread.complete(checkpointAfter(entered, stopped))).start();
            return null;
          });
      // a common-pool thread that joined the scope (as one started from inside it would)
      ForkJoinPool.commonPool()
          .execute(
              () -> {
                try {
                  scope.call(() -> inCommonPool.complete(checkpointAfter(entered, stopped)));
                } catch (Exception e) {
                  inCommonPool.complete(e);
                }
              });
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      scope.stop("the code returned");
      stopped.countDown();
      assertThat(inOwnThread.get(30, TimeUnit.SECONDS)).isInstanceOf(StoppedError.class);
      assertThat(inCommonPool.get(30, TimeUnit.SECONDS)).as("common pool exempt").isNull();
    } finally {
      scope.close();
    }
    assertThatThrownBy(
            () -> {
              throw new StoppedError(scope, "x");
            })
        .hasMessage("leftovers was stopped: x");
  }

  /** Waits for the stop, then reaches a checkpoint; returns what it threw, or null. */
  private static Throwable checkpointAfter(CountDownLatch entered, CountDownLatch stopped) {
    entered.countDown();
    try {
      stopped.await();
      Checkpoint.reached();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
