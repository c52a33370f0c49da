package org.funcx.endpoint.manager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.Messages.TaskSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads ({@code funcx-worker-N}) that take tasks from one queue and run them, plus a
 * watchdog ({@code funcx-task-watchdog}) that enforces per-task timeouts. Each task is answered
 * exactly once: by the worker when it finishes, or by the watchdog when time is up, whichever
 * comes first; the watchdog interrupts a late task and stops its thread if it ignores that.
 */
final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  private static final long STOP_GRACE_MILLIS = 2_000;

  private final LinkedBlockingQueue<TaskSpec> queue = new LinkedBlockingQueue<>();
  private final Map<Thread, Running> running = new ConcurrentHashMap<>();
  private final AtomicInteger busy = new AtomicInteger();
  /** Exponentially weighted mean run time per task, in nanoseconds; racy updates are fine. */
  private volatile long meanRunNanos;
  private final TaskRunner runner;
  private final Consumer<ResultEnvelope> answers;
  private final int size;
  private final Thread watchdog;
  private volatile boolean open = true;

  private static final class Running {
    final TaskSpec task;
    /** Set when the user's code starts; until then no timeout runs. */
    volatile long deadline = Long.MAX_VALUE;
    final AtomicBoolean answered = new AtomicBoolean();
    long interruptedAt;

    Running(TaskSpec task) {
      this.task = task;
    }

    void startClock() {
      if (task.timeoutMillis() > 0) deadline = System.currentTimeMillis() + task.timeoutMillis();
    }
  }

  WorkerPool(int size, TaskRunner runner, Consumer<ResultEnvelope> answers) {
    this.size = size;
    this.runner = runner;
    this.answers = answers;
    for (int i = 0; i < size; i++) startWorker(i);
    this.watchdog = new Thread(this::watch, "funcx-task-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private void startWorker(int index) {
    Thread t = new Thread(this::work, "funcx-worker-" + index);
    t.setDaemon(true);
    t.start();
  }

  void submit(TaskSpec task) {
    queue.add(task);
  }

  int size() {
    return size;
  }

  int idle() {
    return Math.max(0, size - busy.get());
  }

  long meanRunMicros() {
    return Math.max(1, meanRunNanos / 1_000);
  }

  int queued() {
    return queue.size();
  }

  private void work() {
    Thread self = Thread.currentThread();
    while (open) {
      TaskSpec task;
      try {
        task = queue.take();
      } catch (InterruptedException e) {
        if (!open) return;
        continue;
      }
      Running entry = new Running(task);
      running.put(self, entry);
      busy.incrementAndGet();
      ResultEnvelope result;
      long started = System.nanoTime();
      try {
        result = runner.run(task, entry::startClock);
      } catch (InterruptedException | ThreadDeath timedOut) {
        result = null; // the watchdog has answered this task already
      } catch (Throwable t) {
        log.error("worker failed on task {}", task.taskId(), t);
        result = TaskRunner.failure(task, TaskError.of(ErrorKind.REMOTE_EXCEPTION,
            "worker error: " + t));
      } finally {
        long took = System.nanoTime() - started;
        long mean = meanRunNanos;
        meanRunNanos = mean == 0 ? took : mean + (took - mean) / 8;
        running.remove(self);
        busy.decrementAndGet();
        Thread.interrupted();
      }
      if (result != null && entry.answered.compareAndSet(false, true)) answers.accept(result);
    }
  }

  @SuppressWarnings("removal")
  private void watch() {
    while (open) {
      long now = System.currentTimeMillis();
      running.forEach((thread, entry) -> {
        if (now < entry.deadline) return;
        if (entry.answered.compareAndSet(false, true)) {
          answers.accept(TaskRunner.failure(entry.task, TaskError.of(ErrorKind.TIMEOUT,
              "task " + entry.task.taskId() + " exceeded its timeout of "
                  + entry.task.timeoutMillis() + " ms")));
          entry.interruptedAt = now;
          thread.interrupt();
        } else if (entry.interruptedAt > 0 && now - entry.interruptedAt > STOP_GRACE_MILLIS) {
          log.warn("task {} ignored interruption; stopping its worker thread", entry.task.taskId());
          entry.interruptedAt = Long.MAX_VALUE / 2;
          thread.stop();
        }
      });
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    open = false;
    watchdog.interrupt();
    running.keySet().forEach(Thread::interrupt);
  }
}
