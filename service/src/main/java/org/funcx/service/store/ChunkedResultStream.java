package org.funcx.service.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * A binary result read from the store one chunk at a time, so a reader holds one chunk, never the
 * whole result. The number of chunks is known at the start: a chunk missing later (the result
 * was removed meanwhile) is an IOException, never a silently short result.
 */
final class ChunkedResultStream extends InputStream {
  /** Reads chunk {@code seq} of a task's result; null when it is not there. */
  interface ChunkReader {
    byte[] read(String taskId, int seq);
  }

  private final String taskId;
  private final int chunks;
  private final ChunkReader reader;
  private int nextSeq;
  private byte[] chunk = new byte[0];
  private int position;

  ChunkedResultStream(String taskId, int chunks, ChunkReader reader) {
    this.taskId = taskId;
    this.chunks = chunks;
    this.reader = reader;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) return -1;
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, into.length);
    if (length == 0) return 0;
    if (!fill()) return -1;
    int n = Math.min(length, chunk.length - position);
    System.arraycopy(chunk, position, into, offset, n);
    position += n;
    return n;
  }

  /** Makes unread bytes available; false at the end of the result. */
  private boolean fill() throws IOException {
    while (position == chunk.length) {
      if (nextSeq == chunks) return false;
      byte[] next;
      try {
        next = reader.read(taskId, nextSeq);
      } catch (StoreException e) {
        throw new IOException(e.getMessage(), e);
      }
      if (next == null) {
        throw new IOException(
            "the result of task "
                + taskId
                + " was removed while it was read (chunk "
                + (nextSeq + 1)
                + " of "
                + chunks
                + ")");
      }
      nextSeq++;
      chunk = next;
      position = 0;
    }
    return true;
  }
}
