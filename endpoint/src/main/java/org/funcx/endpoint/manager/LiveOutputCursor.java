package org.funcx.endpoint.manager;

import java.util.Base64;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Messages.OutputChunk;
import org.funcx.jvm.CapturedOutput;
import org.funcx.jvm.OutputTail;

/**
 * How far a running task's output has been sent live: each call to {@link #next} takes what it
 * printed since the last one (the newest {@link LiveOutputLimits#CHUNK_BYTES} per stream when it
 * printed more). Only the manager's loop thread calls it.
 */
final class LiveOutputCursor {
  private final String taskId;
  private final CapturedOutput printed;
  private long outSent;
  private long errSent;

  LiveOutputCursor(String taskId, CapturedOutput printed) {
    this.taskId = taskId;
    this.printed = printed;
  }

  /** What is new since the last call, or null when the task printed nothing since. */
  OutputChunk next() {
    // Two volatile reads per running task: a task that prints nothing costs no more.
    boolean newOut = printed.out().written() > outSent;
    boolean newErr = printed.err().written() > errSent;
    if (!newOut && !newErr) return null;
    OutputTail.Slice out =
        newOut ? printed.out().since(outSent, LiveOutputLimits.CHUNK_BYTES) : null;
    OutputTail.Slice err =
        newErr ? printed.err().since(errSent, LiveOutputLimits.CHUNK_BYTES) : null;
    if (out != null) outSent = out.end();
    if (err != null) errSent = err.end();
    return new OutputChunk(
        taskId,
        out == null ? outSent : out.offset(),
        base64(out),
        err == null ? errSent : err.offset(),
        base64(err));
  }

  private static String base64(OutputTail.Slice slice) {
    return slice == null ? null : Base64.getEncoder().encodeToString(slice.bytes());
  }
}
