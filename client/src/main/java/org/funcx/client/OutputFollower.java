package org.funcx.client;

/**
 * Delivers what a task prints while it runs, then the rest once it ends: asks the service for
 * the output after the offsets it has, so each byte is delivered once, live or final. It asks
 * every {@link #POLL_MILLIS} while text comes (as often as managers send it), less often, up to
 * every {@link #QUIET_POLL_MILLIS}, while none does (a queued or quiet task).
 */
final class OutputFollower {
  static final long POLL_MILLIS = 250;
  static final long QUIET_POLL_MILLIS = 1_000;

  private OutputFollower() {}

  /** Waits between two questions; a caller that knows the task ended may cut it short. */
  @FunctionalInterface
  interface Pause {
    void pause(long millis) throws InterruptedException;
  }

  static TaskOutput follow(FuncXClient client, String taskId, OutputListener listener)
      throws InterruptedException {
    return follow(client, taskId, listener, Thread::sleep);
  }

  static TaskOutput follow(
      FuncXClient client, String taskId, OutputListener listener, Pause between)
      throws InterruptedException {
    long out = 0;
    long err = 0;
    long pause = POLL_MILLIS;
    while (true) {
      TaskOutput answer = client.output(taskId, out, err);
      if (!answer.stdout().isEmpty()) listener.printed(false, answer.stdout());
      if (!answer.stderr().isEmpty()) listener.printed(true, answer.stderr());
      out = answer.stdoutOffset();
      err = answer.stderrOffset();
      if (answer.finished()) return answer;
      boolean quiet = answer.stdout().isEmpty() && answer.stderr().isEmpty();
      pause = quiet ? Math.min(QUIET_POLL_MILLIS, 2 * pause) : POLL_MILLIS;
      between.pause(pause);
    }
  }
}
