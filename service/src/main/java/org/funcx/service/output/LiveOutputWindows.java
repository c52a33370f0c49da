package org.funcx.service.output;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Messages.OutputChunk;
import org.funcx.core.wire.WireFormatException;
import org.funcx.jvm.OutputTail;

/**
 * What running tasks printed so far, in memory only: per task and stream the last
 * {@link #WINDOW_BYTES}, for at most {@link #MAX_TASKS} tasks (the least recently printing one
 * gives way; its followers see a gap). A task's window goes when it ends: its final output is
 * stored with its result. The forwarder writes, REST threads read.
 */
public final class LiveOutputWindows {
  /** Bytes kept per stream of a running task. */
  public static final int WINDOW_BYTES = 64 << 10;

  /** Running tasks whose output is kept at once: 2 × 64 KiB × 512 = 64 MiB at most. */
  public static final int MAX_TASKS = 512;

  private record Windows(StreamWindow out, StreamWindow err) {}

  private final Map<String, Windows> byTask =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Windows> eldest) {
          return size() > MAX_TASKS;
        }
      };

  /**
   * Keeps a chunk an endpoint sent for one of its running tasks (the caller checked that).
   *
   * @throws WireFormatException for a chunk over {@link LiveOutputLimits#CHUNK_BYTES} per stream,
   *     a negative offset or bytes that are not base64; nothing of it is kept
   */
  public void append(OutputChunk chunk) {
    byte[] out = bytes(chunk, chunk.stdoutAt(), chunk.stdout());
    byte[] err = bytes(chunk, chunk.stderrAt(), chunk.stderr());
    Windows windows;
    synchronized (byTask) {
      windows =
          byTask.computeIfAbsent(
              chunk.taskId(), id -> new Windows(new StreamWindow(), new StreamWindow()));
    }
    if (out != null) windows.out.append(chunk.stdoutAt(), out);
    if (err != null) windows.err.append(chunk.stderrAt(), err);
  }

  private static byte[] bytes(OutputChunk chunk, long at, String base64) {
    if (base64 == null) return null;
    if (at < 0)
      throw new WireFormatException("output of task " + chunk.taskId() + " at offset " + at);
    if (base64.length() > LiveOutputLimits.CHUNK_BASE64_CHARS) {
      throw new WireFormatException(
          "output of task "
              + chunk.taskId()
              + ": a chunk of "
              + base64.length()
              + " base64 characters; at most "
              + LiveOutputLimits.CHUNK_BASE64_CHARS);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("output of task " + chunk.taskId() + " is not base64", e);
    }
    if (bytes.length > LiveOutputLimits.CHUNK_BYTES) {
      throw new WireFormatException(
          "output of task "
              + chunk.taskId()
              + ": a chunk of "
              + bytes.length
              + " bytes; at most "
              + LiveOutputLimits.CHUNK_BYTES);
    }
    return bytes;
  }

  /** Forgets a task's output: it ended. */
  public void drop(String taskId) {
    synchronized (byTask) {
      byTask.remove(taskId);
    }
  }

  /** Tasks whose output is kept now. */
  public int tasks() {
    synchronized (byTask) {
      return byTask.size();
    }
  }

  /** Kept bytes of a task's stdout ({@code stderr} false) or stderr from {@code from} on; null if none. */
  public OutputTail.Slice since(String taskId, boolean stderr, long from) {
    Windows windows;
    synchronized (byTask) {
      windows = byTask.get(taskId);
    }
    if (windows == null) return null;
    return (stderr ? windows.err : windows.out).since(from);
  }

  /** Bytes kept now for a task's two streams together (0 when none): for tests of the bound. */
  public long keptBytes(String taskId) {
    OutputTail.Slice out = since(taskId, false, 0);
    OutputTail.Slice err = since(taskId, true, 0);
    return (out == null ? 0 : out.bytes().length) + (err == null ? 0 : err.bytes().length);
  }
}
