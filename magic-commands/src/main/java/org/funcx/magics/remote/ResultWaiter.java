package org.funcx.magics.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.funcx.client.EndpointInfo;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.ServiceUnreachableError;

/**
 * Waits for tasks by polling {@code batch_status}: quickly at first (a single call usually
 * finishes in milliseconds), then every {@link #MAX_POLL}. Every poll doubles as a liveness check,
 * so a lost service is reported within a poll, never waited on; an endpoint that stays offline
 * for {@link #OFFLINE_LIMIT} ends the wait too. Interrupting the cell ends it at once; what then
 * happens to the tasks is the caller's {@link OnInterrupt}.
 */
public final class ResultWaiter {
  static final Duration MAX_POLL = Duration.ofMillis(300);
  static final Duration OFFLINE_LIMIT = Duration.ofSeconds(60);
  private static final Duration ENDPOINT_CHECK = Duration.ofSeconds(5);

  /** Told after every poll that changed something. */
  @FunctionalInterface
  public interface Progress {
    void update(int finished, int failed, int total, Duration elapsed);
  }

  /** What an interrupted cell does with the tasks it waited for. */
  public enum OnInterrupt {
    /** A single call: the user stopped it, so it is cancelled (and its worker freed). */
    CANCEL,
    /** A map: the tasks go on and can be collected later. */
    KEEP_RUNNING
  }

  private final FuncxSession session;
  private final EndpointInfo endpoint;
  private final OnInterrupt onInterrupt;

  public ResultWaiter(FuncxSession session, EndpointInfo endpoint, OnInterrupt onInterrupt) {
    this.session = session;
    this.endpoint = endpoint;
    this.onInterrupt = onInterrupt;
  }

  /** The final status of every task, by id, once all have finished. */
  public Map<String, TaskStatus> await(List<String> taskIds, Progress progress)
      throws InterruptedException {
    long start = System.nanoTime();
    Set<String> pending = new LinkedHashSet<>(taskIds);
    Map<String, TaskStatus> done = new HashMap<>();
    int failed = 0;
    long pollMillis = 10;
    long nextEndpointCheck = start + ENDPOINT_CHECK.toNanos();
    long offlineSince = 0;
    while (!pending.isEmpty()) {
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        interrupted(pending);
        throw e;
      }
      pollMillis = Math.min(MAX_POLL.toMillis(), pollMillis * 2);
      int unfinished = taskIds.size() - done.size();
      Map<String, TaskStatus> statuses = interruptible(pending, () -> poll(pending, unfinished));
      int before = done.size();
      for (TaskStatus status : statuses.values()) {
        if (!status.finished()) continue;
        pending.remove(status.taskId());
        done.put(status.taskId(), status);
        if (status.state() != TaskState.SUCCESS) failed++;
      }
      long now = System.nanoTime();
      if (done.size() != before) {
        progress.update(done.size(), failed, taskIds.size(), Duration.ofNanos(now - start));
      } else if (now >= nextEndpointCheck) {
        nextEndpointCheck = now + ENDPOINT_CHECK.toNanos();
        EndpointInfo current =
            interruptible(pending, () -> session.call(c -> c.endpoint(endpoint.id())));
        offlineSince = current.online() ? 0 : offlineSince == 0 ? now : offlineSince;
        if (offlineSince != 0 && now - offlineSince > OFFLINE_LIMIT.toNanos()) {
          throw new MagicException(
              "endpoint "
                  + endpoint.name()
                  + " has been offline for "
                  + OFFLINE_LIMIT.toSeconds()
                  + " s with "
                  + pending.size()
                  + " of "
                  + taskIds.size()
                  + " tasks unfinished; they run when it is back (see %funcx tasks)");
        }
      }
    }
    return done;
  }

  /**
   * Runs a request of the wait. An interrupt can land in a request as well as in the sleep between
   * polls; the SDK then fails the request and keeps the thread's interrupt, which this turns back
   * into the same interrupted wait.
   */
  private <T> T interruptible(Set<String> pending, Supplier<T> request)
      throws InterruptedException {
    try {
      return request.get();
    } catch (RuntimeException e) {
      if (!Thread.interrupted()) throw e;
      interrupted(pending);
      throw new InterruptedException(
          "interrupted while waiting for " + pending.size() + " task(s)");
    }
  }

  /** Called with the thread's interrupt cleared, so that cancel requests can go out. */
  private void interrupted(Set<String> pending) {
    if (onInterrupt == OnInterrupt.KEEP_RUNNING) {
      System.err.println(
          "stopped waiting; "
              + pending.size()
              + " task(s) keep running remotely:"
              + " see %funcx tasks, %funcx result TASK_ID");
      return;
    }
    int cancelled = 0;
    for (String id : pending) {
      try {
        if (session.call(c -> c.cancel(id))) cancelled++;
      } catch (RuntimeException e) {
        System.err.println("could not cancel task " + id + ": " + e.getMessage());
      }
    }
    System.err.println(
        "interrupted: cancelled "
            + cancelled
            + " task(s)"
            + (cancelled < pending.size() ? "; the others had finished" : ""));
  }

  private Map<String, TaskStatus> poll(Set<String> pending, int unfinished) {
    try {
      return session.call(c -> c.batchStatus(new ArrayList<>(pending)));
    } catch (ServiceUnreachableError e) {
      throw new ServiceUnreachableError(
          "lost the funcX service at "
              + session.url()
              + " while waiting for "
              + unfinished
              + " task(s); they may still finish: check with"
              + " %funcx tasks once it is back",
          e.getCause());
    }
  }
}
