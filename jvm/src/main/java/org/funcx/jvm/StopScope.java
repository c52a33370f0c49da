package org.funcx.jvm;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The unit that is stopped together: one task on a worker, one cell in the kernel. A thread joins a
 * scope by {@link #call}ing code in it; threads it starts inherit the scope, so what a task or a
 * cell starts is stopped with it. Once {@link #stop}ped, every {@link Checkpoint} that a thread of
 * the scope reaches throws {@link StoppedError} again, so {@code catch (Throwable t)} inside a loop
 * cannot keep the code alive: the next back-edge outside the handler throws once more.
 *
 * <p>Threads of the common {@link ForkJoinPool} are exempt: they serve every scope.
 *
 * <p>Checkpoints cost one volatile read while no scope is stopping. A stopped scope keeps
 * checkpoints armed until {@link #close()} (its owner closes it once the code has ended, or gives
 * up on it), so a stopped scope that nobody closes slows checkpoints down, it does not break them.
 *
 * <p>Thread-safe: {@link #stop} comes from a watchdog, a control channel or a cancel request.
 */
public final class StopScope implements AutoCloseable {
  private static final InheritableThreadLocal<StopScope> CURRENT =
      new InheritableThreadLocal<>() {
        /** Runs in the thread that creates a thread: counts the threads each scope started. */
        @Override
        protected StopScope childValue(StopScope parent) {
          if (parent != null) parent.threadsStarted.incrementAndGet();
          return parent;
        }
      };

  /** Scopes stopped and not yet closed; checkpoints look further only while this is non-zero. */
  static final AtomicInteger STOPPING = new AtomicInteger();

  private final String name;
  private final AtomicInteger threadsStarted = new AtomicInteger();
  private volatile String reason;
  private volatile boolean closed;

  /** Where {@link ScopedStdio} sends what the scope's threads print; null: not captured. */
  private volatile CapturedOutput output;

  /** @param name what the scope is, for messages: "task 0190…", "cell 12" */
  public StopScope(String name) {
    this.name = name;
  }

  /**
   * Runs {@code body} on the calling thread inside this scope; the thread's previous scope is put
   * back afterwards (a scope may nest in another on the same thread).
   *
   * @throws StoppedError when the scope is stopped while (or before) the body runs
   */
  public <T> T call(Callable<T> body) throws Exception {
    StopScope previous = CURRENT.get();
    CURRENT.set(this);
    try {
      if (reason != null) throw new StoppedError(this, reason);
      return body.call();
    } finally {
      if (previous == null) CURRENT.remove();
      else CURRENT.set(previous);
    }
  }

  /**
   * Stops the scope: from now on its threads throw {@link StoppedError} at their next checkpoint.
   * The caller should also interrupt the threads it knows of, to end sleeps and waits. Only the
   * first reason counts; later calls do nothing.
   */
  public synchronized void stop(String why) {
    if (reason != null || closed) return;
    reason = why;
    STOPPING.incrementAndGet();
  }

  /** True once {@link #stop} was called. */
  public boolean stopped() {
    return reason != null;
  }

  /** Why the scope was stopped, or null. */
  public String reason() {
    return reason;
  }

  public String name() {
    return name;
  }

  /** Captures what this scope's threads print into {@code capture} (see {@link ScopedStdio}). */
  public void captureOutput(CapturedOutput capture) {
    this.output = capture;
  }

  /** Where this scope's printed output goes, or null when it is not captured. */
  public CapturedOutput output() {
    return output;
  }

  /** The calling thread's scope (its own or the one it inherited), or null. */
  public static StopScope current() {
    return CURRENT.get();
  }

  /**
   * How many threads the scope's threads created (they inherit the scope): when it is more than
   * zero, threads may be left running after the scope's code returned, and its owner stops it.
   */
  public int threadsStarted() {
    return threadsStarted.get();
  }

  /**
   * Disarms the scope: its threads no longer stop at checkpoints. Call it when the scope's code
   * has ended, or when the owner has given up on threads that ignore checkpoints.
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (reason != null) STOPPING.decrementAndGet();
  }

  /** Called by {@link Checkpoint} once some scope is stopping. */
  static void checkCurrentThread() {
    StopScope scope = CURRENT.get();
    if (scope == null) return;
    String why = scope.reason;
    if (why != null && !scope.closed && !inCommonPool()) throw new StoppedError(scope, why);
  }

  /**
   * The common ForkJoinPool's threads inherit the scope of whichever code happened to make the
   * pool start them, then run parallel streams of any task or cell: they belong to no scope.
   */
  private static boolean inCommonPool() {
    return Thread.currentThread() instanceof ForkJoinWorkerThread worker
        && worker.getPool() == ForkJoinPool.commonPool();
  }

  @Override
  public String toString() {
    return name + (reason == null ? "" : " (stopped: " + reason + ")");
  }
}
