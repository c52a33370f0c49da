package org.funcx.kernel.jshell;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.spi.ExecutionControl.StoppedException;
import org.funcx.jvm.StopScope;
import org.funcx.jvm.StoppedError;
import org.funcx.kernel.spi.InterruptedCellError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs user code (JShell snippets and magics) on named threads ({@code funcx-user-N-purpose}) that
 * an interrupt can reach. Each cell runs in its own {@link StopScope}, inherited by the threads its
 * code starts. An interrupt interrupts the running threads (ending sleeps, waits, %sh commands and
 * magics' requests) and stops the scope, which ends loops in snippets at their next checkpoint
 * even on JDKs without {@code Thread.stop}. Code that still runs {@link #GRACE_MILLIS} later (a
 * loop inside library code, which has no checkpoints) is given up on: the cell ends with an
 * interrupted error that says to restart the kernel, and the thread lives on.
 *
 * <p>Threading: {@link #call} is used by the thread evaluating a cell (and nested by magics);
 * {@link #interrupt} comes from the control channel's thread.
 */
public final class UserThreads implements AutoCloseable {
  /** How long interrupted code may take to end before the cell stops waiting for it. */
  static final long GRACE_MILLIS = 2000;

  /** How long a stopped scope stays armed: long enough for threads the cell started to reach it. */
  static final long CLOSE_AFTER_MILLIS = 5000;

  private static final Logger log = LoggerFactory.getLogger(UserThreads.class);

  private final AtomicInteger threadNumber = new AtomicInteger();
  private final AtomicInteger cellNumber = new AtomicInteger();
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService closer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "funcx-kernel-scope-closer");
            t.setDaemon(true);
            return t;
          });
  private volatile CellStop cell = new CellStop("kernel start-up");

  /**
   * Runs {@code body} on a new user thread in the current cell's scope and waits for it, whatever
   * interrupts the waiting thread receives. Rethrows what the body threw.
   *
   * @throws StoppedException when the cell is interrupted before the body runs, when the body was
   *     stopped at a checkpoint, or when it still ran {@link #GRACE_MILLIS} after the interrupt
   */
  public <T> T call(String purpose, Callable<T> body) throws Exception {
    CellStop current = cell;
    if (current.interrupted()) throw new StoppedException();
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(current.scope.call(body));
              } catch (Throwable e) {
                failure.set(e);
              } finally {
                ended.complete(null);
              }
            },
            "funcx-user-" + threadNumber.incrementAndGet() + "-" + purpose);
    thread.setDaemon(true);
    // The cell's own wait outlasts nested ones (a magic's snippet), so the innermost, the thread
    // really stuck, is the one given up on and named.
    long grace = running.contains(Thread.currentThread()) ? GRACE_MILLIS : GRACE_MILLIS + 500;
    running.add(thread);
    try {
      thread.start();
      if (!awaitUninterruptibly(ended, current, grace)) {
        current.abandon(thread);
        log.warn(
            "{} still runs {} ms after an interrupt, in code without checkpoints (a loop"
                + " in library code?); giving up on it: only a kernel restart ends it",
            thread.getName(),
            grace);
        throw new StoppedException();
      }
    } finally {
      running.remove(thread);
    }
    Throwable thrown = failure.get();
    if (thrown == null) return result.get();
    if (thrown instanceof StoppedError) throw new StoppedException();
    if (thrown instanceof Exception e) throw e;
    if (thrown instanceof Error e) throw e;
    throw new IllegalStateException("user code threw a non-standard Throwable", thrown);
  }

  /**
   * Waits until {@code ended}, or until {@code grace} has passed since the cell's interrupt;
   * false in that second case. Interrupts of the waiting thread are kept for later.
   */
  private static boolean awaitUninterruptibly(
      CompletableFuture<Void> ended, CellStop cell, long grace) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          CompletableFuture.anyOf(ended, cell.interruptedAt()).get();
          if (ended.isDone()) return true;
          long since = System.nanoTime() - cell.interruptedAt().get();
          ended.get(
              Math.max(0, TimeUnit.MILLISECONDS.toNanos(grace) - since), TimeUnit.NANOSECONDS);
          return true;
        } catch (TimeoutException e) {
          return false;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("neither future fails", e);
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts a new cell in a new scope. The previous scope is closed now unless it was stopped: then
   * the task {@link #interrupt} scheduled closes it, once the threads it started had time to stop.
   */
  public void beginCell() {
    CellStop previous = cell;
    cell = new CellStop("cell " + cellNumber.incrementAndGet());
    if (!previous.scope.stopped()) previous.scope.close();
  }

  /** True when the user interrupted the current cell. */
  public boolean interruptRequested() {
    return cell.interrupted();
  }

  /** Interrupts all user code of the current cell, see the class comment. */
  public void interrupt() {
    CellStop current = cell;
    boolean first = current.interrupt();
    List.copyOf(running).forEach(Thread::interrupt);
    if (first) closeLater(current.scope);
  }

  private void closeLater(StopScope scope) {
    try {
      closer.schedule(scope::close, CLOSE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      scope.close(); // the kernel is shutting down
    }
  }

  /**
   * The error for an interrupted cell: {@code message}, and a note to restart the kernel when a
   * thread of the cell did not end.
   */
  public InterruptedCellError interruptedError(String message) {
    List<String> stuck = cell.abandoned();
    if (stuck.isEmpty()) return new InterruptedCellError(message);
    return new InterruptedCellError(
        message,
        List.of(
            String.join(", ", stuck)
                + (stuck.size() == 1 ? " does" : " do")
                + " not respond to the interrupt (a loop in"
                + " library code?) and keeps running: restart the kernel to end it"));
  }

  @Override
  public void close() {
    closer.shutdownNow();
    cell.scope.close();
  }
}
