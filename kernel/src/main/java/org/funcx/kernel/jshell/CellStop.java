package org.funcx.kernel.jshell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.funcx.jvm.StopScope;

/**
 * What one cell's interrupt needs: the {@link StopScope} its user code runs in, whether and when
 * it was interrupted, and the threads the kernel gave up on. Thread-safe: the cell's threads read
 * it while the control channel's thread interrupts.
 */
final class CellStop {
  final StopScope scope;

  /** Completed by the interrupt; waiting threads wake up on it to start counting the grace. */
  private final CompletableFuture<Long> interruptedAt = new CompletableFuture<>();

  private final List<String> abandoned = new CopyOnWriteArrayList<>();

  CellStop(String name) {
    scope = new StopScope(name);
  }

  /** Marks the cell interrupted and stops its scope; true for the first interrupt only. */
  boolean interrupt() {
    boolean first = interruptedAt.complete(System.nanoTime());
    scope.stop("interrupted");
    return first;
  }

  boolean interrupted() {
    return interruptedAt.isDone();
  }

  CompletableFuture<Long> interruptedAt() {
    return interruptedAt;
  }

  void abandon(Thread thread) {
    abandoned.add(thread.getName());
  }

  /** Names of threads still running code that ignored the interrupt. */
  List<String> abandoned() {
    return List.copyOf(abandoned);
  }
}
