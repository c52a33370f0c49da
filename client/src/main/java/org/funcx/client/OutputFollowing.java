package org.funcx.client;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FuncXClient#followOutput} on a thread of its own ({@code funcx-output-TASK}), for callers
 * that wait for the task's result meanwhile (the CLI, the notebook magics). Once they have the
 * result, {@link #finish} lets the follower deliver the rest of the output.
 */
public final class OutputFollowing implements AutoCloseable {
  /** How long the output's end may take to arrive once the result has ({@link #finish}). */
  public static final Duration END_WAIT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(OutputFollowing.class);
  private final Thread thread;
  private final AtomicBoolean deliveredAny = new AtomicBoolean();

  /** Released when the caller knows the task ended: the follower asks at once, not after a pause. */
  private final Semaphore ended = new Semaphore(0);

  private volatile boolean reachedEnd;

  private OutputFollowing(FuncXClient client, String taskId, OutputListener listener) {
    this.thread =
        new Thread(
            () -> {
              try {
                OutputFollower.follow(
                    client,
                    taskId,
                    (stderr, text) -> {
                      deliveredAny.set(true);
                      listener.printed(stderr, text);
                    },
                    millis -> ended.tryAcquire(millis, TimeUnit.MILLISECONDS));
                reachedEnd = true;
              } catch (InterruptedException e) {
                // closed: the caller shows the output it has another way
              } catch (RuntimeException e) {
                log.debug("stopped following the output of task {}: {}", taskId, e.toString());
              }
            },
            "funcx-output-" + taskId.substring(0, Math.min(8, taskId.length())));
    thread.setDaemon(true);
  }

  /** Starts delivering what the task prints to {@code listener}, from another thread. */
  public static OutputFollowing start(FuncXClient client, String taskId, OutputListener listener) {
    OutputFollowing following = new OutputFollowing(client, taskId, listener);
    following.thread.start();
    return following;
  }

  /**
   * Waits at most {@code max} for the follower to deliver the end of the output (call it once
   * the task has ended); true when it did, false when it failed or is still asking (it is then
   * stopped).
   */
  public boolean awaitEnd(Duration max) throws InterruptedException {
    ended.release(Integer.MAX_VALUE / 2); // no more pauses: the end is there to be read
    thread.join(Math.max(1, max.toMillis()));
    if (!reachedEnd) close();
    return reachedEnd;
  }

  /**
   * Call once the task has ended: lets the follower deliver the rest, waiting at most
   * {@link #END_WAIT}. False when nothing came live and the end did not come either: the caller
   * then shows the output the task's status holds (nothing was shown twice).
   */
  public boolean finish() throws InterruptedException {
    return awaitEnd(END_WAIT) || deliveredAny();
  }

  /** Whether any text was delivered. */
  public boolean deliveredAny() {
    return deliveredAny.get();
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
