package org.funcx.endpoint.manager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.Messages.OutputChunk;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.jvm.CapturedOutput;
import org.funcx.jvm.StopScope;
import org.funcx.jvm.StoppedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads ({@code funcx-worker-N}) that take tasks from one queue and run them, plus a
 * watchdog ({@code funcx-task-watchdog}) that enforces per-task timeouts and cancels. Each task is
 * answered exactly once: by the worker when it finishes, or by whoever stops it (timeout, cancel),
 * whichever comes first.
 *
 * <p>Stopping never uses {@code Thread.stop} (gone since JDK 20): each task runs in its own
 * {@link StopScope}; stopping it interrupts the thread and makes the function's compiled code
 * throw at its next loop iteration or call (org.funcx.jvm), also in threads the task started. A
 * thread still busy {@link #STOP_GRACE_MILLIS} later (stuck in library code that ignores both) is
 * written off: it leaves the pool, a new worker thread takes its place, and {@code onWriteOff}
 * learns how many are written off so far (the manager then restarts itself to get rid of them).
 * Threads a task started end with the task: when it returns or fails, its scope is stopped too.
 */
final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  static final long STOP_GRACE_MILLIS = 2_000;

  /** How long a stopped task's scope stays armed, so threads it started reach a checkpoint. */
  private static final long SCOPE_ARMED_MILLIS = 10_000;

  private final LinkedBlockingDeque<TaskSpec> queue = new LinkedBlockingDeque<>();
  private final Map<Thread, Running> running = new ConcurrentHashMap<>();
  private final Set<Thread> writtenOff = ConcurrentHashMap.newKeySet();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger nextWorker = new AtomicInteger();

  /** Each worker thread's accelerator id, when the endpoint lists them. */
  private final Map<Thread, String> acceleratorOf = new ConcurrentHashMap<>();

  /**
   * Cancels of tasks a worker has taken from the queue but not yet registered as running; the
   * worker checks it as it registers. Bounded: ids of tasks that finished meanwhile age out.
   * Guarded by {@code this}, with the registration step of {@link #work()}.
   */
  private final LinkedHashSet<String> cancelledBeforeStart = new LinkedHashSet<>();

  private static final int MAX_EARLY_CANCELS = 10_000;

  /** Stopped scopes to close once their threads had time to reach a checkpoint; watchdog only. */
  private final List<Running> stoppedScopes = new ArrayList<>();

  /** Where {@link #newOutput} starts next; manager loop thread only. */
  private int nextOutputTurn;

  /** Exponentially weighted mean run time per task, in nanoseconds; racy updates are fine. */
  private volatile long meanRunNanos;

  private final TaskRunner runner;
  private final Consumer<ResultEnvelope> answers;
  private final IntConsumer onWriteOff;
  private final int size;
  private final Thread watchdog;
  private volatile boolean open = true;
  private volatile boolean draining;

  private static final class Running {
    final TaskSpec task;
    final StopScope scope;
    final CapturedOutput printed;
    final LiveOutputCursor live;

    /** Set when the user's code starts; until then no timeout runs. */
    volatile long deadline = Long.MAX_VALUE;

    final AtomicBoolean answered = new AtomicBoolean();

    /** When the task was stopped (timeout or cancel); 0 while it runs normally. */
    volatile long stoppedAt;

    /** Set as the user's code starts; before that an interrupt would break the compile. */
    volatile boolean invoked;

    /** When the user's code started ({@link System#nanoTime}); 0 until then. */
    volatile long invokedNanos;

    Running(TaskSpec task) {
      this.task = task;
      this.scope = new StopScope("task " + task.taskId());
      this.printed = PrintedOutput.captureFor(scope);
      this.live = new LiveOutputCursor(task.taskId(), printed);
    }

    void startClock() {
      invokedNanos = System.nanoTime();
      invoked = true;
      if (task.timeoutMillis() > 0) deadline = System.currentTimeMillis() + task.timeoutMillis();
    }
  }

  /** The workers a pool of {@code requested} has: one per accelerator id when ids are given. */
  static int workers(int requested, List<String> accelerators) {
    return accelerators.isEmpty() ? requested : Math.min(requested, accelerators.size());
  }

  /**
   * @param accelerators ids, one per worker (at most {@code size} workers start when given);
   *     empty for none
   */
  WorkerPool(
      int size,
      List<String> accelerators,
      TaskRunner runner,
      Consumer<ResultEnvelope> answers,
      IntConsumer onWriteOff) {
    this.size = workers(size, accelerators);
    this.runner = runner;
    this.answers = answers;
    this.onWriteOff = onWriteOff;
    for (int i = 0; i < this.size; i++) {
      startWorker(accelerators.isEmpty() ? null : accelerators.get(i));
    }
    this.watchdog = new Thread(this::watch, "funcx-task-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private void startWorker(String accelerator) {
    Thread t =
        new Thread(
            () -> {
              WorkerAccelerator.bind(accelerator);
              work();
            },
            "funcx-worker-" + nextWorker.getAndIncrement());
    if (accelerator != null) acceleratorOf.put(t, accelerator);
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
    return draining ? 0 : Math.max(0, size - busy.get());
  }

  int busy() {
    return busy.get();
  }

  /**
   * Folds the time the user's code ran into the mean the interchange sizes prefetch by. The
   * compile (and library resolution) before it is left out: it comes once per function, and a
   * first task's seconds of javac kept the mean high for dozens of 10 ms tasks, so their workers
   * waited a dispatch round trip between tasks. A task whose code never started counts nothing.
   */
  private void recordRunTime(Running entry) {
    long invoked = entry.invokedNanos;
    if (invoked == 0) return;
    long took = System.nanoTime() - invoked;
    long mean = meanRunNanos;
    meanRunNanos = mean == 0 ? took : mean + (took - mean) / 8;
  }

  /** The recent mean time tasks' code ran, in microseconds; 1 before any ran. */
  long meanRunMicros() {
    return Math.max(1, meanRunNanos / 1_000);
  }

  int queued() {
    return queue.size();
  }

  /**
   * What running tasks printed since the last call, at most {@code max} tasks' worth (the others
   * keep theirs for the next call); empty when none printed. Manager loop thread only.
   */
  List<OutputChunk> newOutput(int max) {
    List<Running> tasks = new ArrayList<>(running.values());
    List<OutputChunk> chunks = new ArrayList<>();
    // Each call starts where the last one stopped: with more printing tasks than fit in one
    // message, the same first ones in the map's order would otherwise be the only ones followed.
    int start = tasks.isEmpty() ? 0 : Math.floorMod(nextOutputTurn, tasks.size());
    int visited = 0;
    while (visited < tasks.size() && chunks.size() < max) {
      OutputChunk chunk = tasks.get((start + visited++) % tasks.size()).live.next();
      if (chunk != null) chunks.add(chunk);
    }
    nextOutputTurn = start + visited;
    return chunks;
  }

  /** Threads written off so far (stuck in tasks that were stopped). */
  int writtenOff() {
    return writtenOff.size();
  }

  /**
   * Stops taking tasks: returns the tasks that have not started (for the interchange to give to
   * another manager); running tasks go on. Idle workers then wait for {@link #close()}.
   */
  List<TaskSpec> drain() {
    draining = true;
    List<TaskSpec> notStarted = new ArrayList<>();
    queue.drainTo(notStarted);
    return notStarted;
  }

  /**
   * Cancels a task: a queued one is dropped, a running one stopped. Either way it is answered
   * {@code cancelled} (the interchange has forgotten it already; the answer is for the record).
   * Returns false when the task is not here.
   */
  synchronized boolean cancel(String taskId) {
    for (TaskSpec queued : queue) {
      if (queued.taskId().equals(taskId) && queue.remove(queued)) {
        answers.accept(TaskRunner.failure(queued, cancelled(taskId)));
        return true;
      }
    }
    for (var e : running.entrySet()) {
      if (e.getValue().task.taskId().equals(taskId)) {
        stop(e.getKey(), e.getValue(), cancelled(taskId));
        return true;
      }
    }
    // Taken from the queue, not yet running: the worker sees this as it registers the task.
    cancelledBeforeStart.add(taskId);
    if (cancelledBeforeStart.size() > MAX_EARLY_CANCELS) {
      cancelledBeforeStart.remove(cancelledBeforeStart.iterator().next());
    }
    return false;
  }

  /** Registers the task as running, unless it was cancelled meanwhile (then answers it). */
  private synchronized boolean register(Thread self, Running entry) {
    if (cancelledBeforeStart.remove(entry.task.taskId())) {
      answers.accept(TaskRunner.failure(entry.task, cancelled(entry.task.taskId())));
      return false;
    }
    running.put(self, entry);
    busy.incrementAndGet();
    return true;
  }

  private static TaskError cancelled(String taskId) {
    return TaskError.of(ErrorKind.CANCELLED, "task " + taskId + " was cancelled while it ran");
  }

  private void work() {
    Thread self = Thread.currentThread();
    while (open && !writtenOff.contains(self)) {
      TaskSpec task;
      try {
        task = draining ? null : queue.poll(100, TimeUnit.MILLISECONDS);
        if (task == null) {
          if (draining) Thread.sleep(100);
          continue;
        }
      } catch (InterruptedException e) {
        continue;
      }
      Running entry = new Running(task);
      if (!register(self, entry)) continue;
      ResultEnvelope result;
      try {
        result = entry.scope.call(() -> runner.run(task, entry::startClock, entry.printed));
      } catch (InterruptedException | StoppedError stopped) {
        result = null; // answered by whoever stopped it; a stray interrupt is answered below
      } catch (Throwable t) {
        log.error("worker failed on task {}", task.taskId(), t);
        result =
            TaskRunner.failure(
                task, TaskError.of(ErrorKind.REMOTE_EXCEPTION, "worker error: " + t));
      } finally {
        recordRunTime(entry);
        Thread.interrupted();
      }
      if (result == null && entry.stoppedAt == 0) {
        result =
            TaskRunner.failure(
                task,
                TaskError.of(
                    ErrorKind.REMOTE_EXCEPTION,
                    "task "
                        + task.taskId()
                        + " was interrupted by something other than its timeout"));
      }
      if (result != null && entry.answered.compareAndSet(false, true)) {
        answers.accept(PrintedOutput.attach(result, entry.printed));
      }
      // Not busy only once answered: a manager that sees no busy worker has every answer.
      synchronized (this) { // with stop(): no interrupt meant for this task reaches the next one
        if (running.remove(self, entry)) busy.decrementAndGet();
        Thread.interrupted();
      }
      endScope(entry);
    }
  }

  /**
   * A task that returned may have left threads running (a spinning {@code new Thread(...)}): its
   * scope is stopped as for a timeout, so they end at their next checkpoint, and closed after the
   * same time armed. The worker thread has left the scope already; the next task gets its own.
   */
  private void endScope(Running entry) {
    if (entry.stoppedAt != 0) return; // stopped (timeout, cancel): closed once armed long enough
    if (entry.scope.threadsStarted() == 0) {
      entry.scope.close();
      return;
    }
    if (arm(entry)) {
      entry.scope.stop("task " + entry.task.taskId() + " ended; threads it started end with it");
    }
  }

  /** Marks the task stopped and keeps its scope armed for a while; false if it already was. */
  private boolean arm(Running entry) {
    synchronized (entry) {
      if (entry.stoppedAt != 0) return false;
      entry.stoppedAt = System.currentTimeMillis();
    }
    synchronized (stoppedScopes) {
      stoppedScopes.add(entry);
    }
    return true;
  }

  /** Answers the task with {@code error} (if nobody did), then stops its code. */
  private void stop(Thread thread, Running entry, TaskError error) {
    if (entry.answered.compareAndSet(false, true)) {
      answers.accept(PrintedOutput.attach(TaskRunner.failure(entry.task, error), entry.printed));
    }
    if (!arm(entry)) return;
    entry.scope.stop(error.message());
    // Before the user's code starts, the stopped scope ends it at its first checkpoint; an
    // interrupt then would only break the function's compile (cached for every later task).
    synchronized (this) {
      if (entry.invoked && running.get(thread) == entry) thread.interrupt();
    }
  }

  private void watch() {
    while (open) {
      long now = System.currentTimeMillis();
      running.forEach(
          (thread, entry) -> {
            if (entry.stoppedAt == 0 && now >= entry.deadline) {
              stop(thread, entry, runner.timedOut(entry.task));
            } else if (entry.stoppedAt != 0
                && entry.invoked
                && now - entry.stoppedAt > STOP_GRACE_MILLIS) { // a compile always ends by itself
              writeOff(thread, entry);
            }
          });
      closeArmedScopes(now);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** A thread that ignored its stop: out of the pool, replaced, reported. */
  private void writeOff(Thread thread, Running entry) {
    if (!running.remove(thread, entry)) return;
    busy.decrementAndGet();
    writtenOff.add(thread);
    thread.setPriority(Thread.MIN_PRIORITY);
    log.warn(
        "{} still runs task {} {} ms after it was stopped ({}); written off and replaced",
        thread.getName(),
        entry.task.taskId(),
        STOP_GRACE_MILLIS,
        entry.scope.reason());
    // The replacement takes over the accelerator, so the pool keeps one worker per id.
    if (open) startWorker(acceleratorOf.remove(thread));
    onWriteOff.accept(writtenOff.size());
  }

  private void closeArmedScopes(long now) {
    synchronized (stoppedScopes) {
      stoppedScopes.removeIf(
          entry -> {
            if (now - entry.stoppedAt < SCOPE_ARMED_MILLIS) return false;
            entry.scope.close();
            return true;
          });
    }
  }

  /**
   * Stops every running task without answering it: a manager that closes (SIGTERM from scancel,
   * a drained node) has not run its tasks, so they must be retried when the interchange finds the
   * manager gone, not failed with the interruption the close causes.
   */
  @Override
  public void close() {
    open = false;
    watchdog.interrupt();
    running.forEach(
        (thread, entry) -> {
          entry.answered.set(true);
          entry.scope.stop("the manager is closing");
          thread.interrupt();
        });
  }
}
