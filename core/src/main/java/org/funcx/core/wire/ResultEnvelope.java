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

  public String taskId() {
    return result.taskId();
  }

  /** About what a batch of results adds to a RESULTS message. */
  public static long approximateBytes(List<ResultEnvelope> batch) {
    long bytes = 0;
    for (ResultEnvelope r : batch) bytes += r.approximateBytes();
    return bytes;
  }

  /** About what this result adds to a RESULTS message (its JSON text as chars, its bytes). */
  public long approximateBytes() {
    long json = result.resultJson() == null ? 0 : result.resultJson().length();
    return json + (binary == null ? 0 : binary.length) + 128;
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
    return new WireMessage(MessageType.RESULTS, new Messages.Results(results, meanTaskMicros), blobs);
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
        throw new WireFormatException("result of task " + r.taskId() + " names frame "
            + r.binaryFrame() + " of " + message.blobs().size());
      }
      out.add(new ResultEnvelope(r, message.blobs().get(r.binaryFrame())));
    }
    return out;
  }
}
