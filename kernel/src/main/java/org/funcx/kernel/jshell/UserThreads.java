package org.funcx.kernel.jshell;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.spi.ExecutionControl.StoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs user code (JShell snippets and magics) on named threads ({@code funcx-user-N-purpose}) that
 * an interrupt can reach. An interrupt first interrupts the threads, which ends sleeps, waits and
 * well-behaved loops; a thread still alive after {@link #STOP_GRACE_MILLIS} is stopped with
 * {@link Thread#stop()}, the only way to end a busy loop such as {@code while (true) {}} inside the
 * kernel's JVM. The stopping is done by the {@code funcx-kernel-stopper} thread.
 *
 * <p>Threading: {@link #call} is used by the thread evaluating a cell (and nested by magics);
 * {@link #interrupt} comes from the control channel's thread.
 */
public final class UserThreads implements AutoCloseable {
  /** How long interrupted code may take to end by itself before it is stopped. */
  static final long STOP_GRACE_MILLIS = 1000;
  private static final int STOP_ATTEMPTS = 5;
  private static final Logger log = LoggerFactory.getLogger(UserThreads.class);

  private final AtomicInteger threadNumber = new AtomicInteger();
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "funcx-kernel-stopper");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean interruptRequested;

  /**
   * Runs {@code body} on a new user thread and waits for it, whatever interrupts the waiting thread
   * receives (the body is interrupted itself). Rethrows what the body threw.
   *
   * @throws StoppedException without running the body when an interrupt is pending for this cell
   */
  public <T> T call(String purpose, Callable<T> body) throws Exception {
    if (interruptRequested) throw new StoppedException();
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        result.set(body.call());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "funcx-user-" + threadNumber.incrementAndGet() + "-" + purpose);
    thread.setDaemon(true);
    running.add(thread);
    try {
      thread.start();
      joinUninterruptibly(thread);
    } finally {
      running.remove(thread);
    }
    Throwable thrown = failure.get();
    if (thrown == null) return result.get();
    if (thrown instanceof Exception e) throw e;
    if (thrown instanceof Error e) throw e;
    throw new IllegalStateException("user code threw a non-standard Throwable", thrown);
  }

  /** Starts a new cell: forgets the previous cell's interrupt. */
  public void beginCell() {
    interruptRequested = false;
  }

  /** True when the user interrupted the current cell. */
  public boolean interruptRequested() {
    return interruptRequested;
  }

  /** Interrupts all user code running now, and stops what ignores the interrupt. */
  public void interrupt() {
    interruptRequested = true;
    List<Thread> targets = List.copyOf(running);
    targets.forEach(Thread::interrupt);
    scheduleStop(targets, 1);
  }

  private void scheduleStop(List<Thread> targets, int attempt) {
    if (targets.isEmpty() || stopper.isShutdown()) return;
    stopper.schedule(() -> {
      List<Thread> alive = targets.stream().filter(Thread::isAlive).toList();
      alive.forEach(UserThreads::stop);
      if (attempt < STOP_ATTEMPTS) scheduleStop(alive, attempt + 1);
    }, STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread thread) {
    log.info("stopping {}: it did not end within {} ms of an interrupt", thread.getName(),
        STOP_GRACE_MILLIS);
    try {
      thread.stop();
    } catch (UnsupportedOperationException e) {
      log.warn("this JDK cannot stop {}; restart the kernel to end it", thread.getName());
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  @Override
  public void close() {
    stopper.shutdownNow();
  }
}
