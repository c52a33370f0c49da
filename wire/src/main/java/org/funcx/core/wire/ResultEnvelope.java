package org.funcx.core.wire;

import java.util.ArrayList;
import java.util.List;
import org.funcx.core.wire.Messages.TaskResult;

/**
 * A task result together with its binary payload (null for JSON results and failures), as held
 * between hops. {@link #pack} turns a batch into one RESULTS message whose binary payloads are
 * extra frames; {@link #unpack} reverses it. Bytes are never copied into JSON.
 */
public record ResultEnvelope(TaskResult result, byte[] binary) {

  public static ResultEnvelope json(TaskResult result) {
    return new ResultEnvelope(result, null);
  }

  /** This envelope with what the task printed (null for a stream it printed nothing to). */
  public ResultEnvelope withOutput(String stdout, String stderr) {
    return new ResultEnvelope(result.withOutput(stdout, stderr), binary);
  }

  public String taskId() {
    return result.taskId();
  }

  /**
   * What this result adds to a RESULTS message, for {@link WireLimits#RESULT_BATCH_BYTES}: its
   * text (JSON result, error message and details, printed output; counted in chars as task
   * arguments are) and binary payload, plus 256 for the id and field names.
   */
  public long weightBytes() {
    long bytes = 256L + (binary == null ? 0 : binary.length);
    if (result.resultJson() != null) bytes += result.resultJson().length();
    if (result.error() != null) {
      bytes += result.error().message().length() + result.error().details().length();
    }
    return bytes + ResultBatches.outputChars(this);
  }

  public static WireMessage pack(List<ResultEnvelope> batch, long meanTaskMicros) {
    List<TaskResult> results = new ArrayList<>(batch.size());
    List<byte[]> blobs = new ArrayList<>();
    for (ResultEnvelope e : batch) {
      if (e.binary() == null) {
        results.add(e.result());
      } else {
        results.add(e.result().inFrame(blobs.size()));
        blobs.add(e.binary());
      }
    }
    return new WireMessage(
        MessageType.RESULTS, new Messages.Results(results, meanTaskMicros), blobs);
  }

  /** The results of a RESULTS message with their payloads; a bad frame index is a format error. */
  public static List<ResultEnvelope> unpack(WireMessage message) {
    Messages.Results body = message.body(Messages.Results.class);
    List<ResultEnvelope> out = new ArrayList<>(body.results().size());
    for (TaskResult r : body.results()) {
      if (r.binaryFormat() == null || r.binaryFrame() < 0) {
        out.add(json(r));
        continue;
      }
      if (r.binaryFrame() >= message.blobs().size()) {
        throw new WireFormatException(
            "result of task "
                + r.taskId()
                + " names frame "
                + r.binaryFrame()
                + " of "
                + message.blobs().size());
      }
      out.add(new ResultEnvelope(r, message.blobs().get(r.binaryFrame())));
    }
    return out;
  }
}
