package org.funcx.client;

/**
 * Delivers what a task prints while it runs, then the rest once it ends: asks the service for
 * the output after the offsets it has, every {@link #POLL_MILLIS}, so each byte is delivered
 * once, live or final.
 */
final class OutputFollower {
  /** How often the service is asked: as often as managers send (LiveOutputLimits). */
  static final long POLL_MILLIS = 250;

  private OutputFollower() {}

  static TaskOutput follow(FuncXClient client, String taskId, OutputListener listener)
      throws InterruptedException {
    long out = 0;
    long err = 0;
    while (true) {
      TaskOutput answer = client.output(taskId, out, err);
      if (!answer.stdout().isEmpty()) listener.printed(false, answer.stdout());
      if (!answer.stderr().isEmpty()) listener.printed(true, answer.stderr());
      out = answer.stdoutOffset();
      err = answer.stderrOffset();
      if (answer.finished()) return answer;
      Thread.sleep(POLL_MILLIS);
    }
  }
}
