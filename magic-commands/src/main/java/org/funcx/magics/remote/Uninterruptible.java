package org.funcx.magics.remote;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs a request that an interrupt must not cut in half: it goes on a thread of its own, and the
 * caller waits for it whatever interrupts it receives, keeping them for later. A submission is one:
 * cut mid-flight, the service may have queued tasks whose ids the notebook never learns, so
 * nothing could cancel them.
 */
public final class Uninterruptible {
  private Uninterruptible() {}

  public static <T> T call(String threadName, Supplier<T> request) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                answer.complete(request.get());
              } catch (Throwable e) {
                answer.completeExceptionally(e);
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
    try {
      return answer.join(); // waits through interrupts and sets the flag again afterwards
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error error) throw error;
      throw e;
    }
  }
}
