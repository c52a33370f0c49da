package org.funcx.endpoint.manager;

import org.funcx.core.wire.ResultEnvelope;
import org.funcx.jvm.CapturedOutput;
import org.funcx.jvm.OutputTail;
import org.funcx.jvm.ScopedStdio;
import org.funcx.jvm.StopScope;

/**
 * What tasks print, per task: each task's {@link StopScope} gets a {@link CapturedOutput} that
 * {@link ScopedStdio} (installed by {@link ManagerMain}) fills, and every answer about a task that
 * ran carries its kept output, whether it succeeded, failed, timed out or was cancelled.
 */
final class PrintedOutput {
  private PrintedOutput() {}

  /** Starts capturing what the scope's threads print: the last 1 MiB of each stream. */
  static CapturedOutput captureFor(StopScope scope) {
    CapturedOutput capture = new CapturedOutput(OutputTail.DEFAULT_LIMIT);
    scope.captureOutput(capture);
    return capture;
  }

  /** The answer with what was printed so far (unchanged when nothing was). */
  static ResultEnvelope attach(ResultEnvelope answer, CapturedOutput printed) {
    return printed.isEmpty() ? answer : answer.withOutput(printed.stdout(), printed.stderr());
  }
}
