package org.funcx.arrow.internal.encode;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Writes batches as an Arrow IPC stream (schema message, one message per batch, end marker) to the
 * caller's stream, which it neither buffers fully nor closes.
 */
public final class IpcStreamSink implements BatchSink, AutoCloseable {
  private final LimitedOutputStream out;
  private ArrowStreamWriter writer;
  private boolean ended;

  /**
   * @param maxBytes writing more than this many bytes throws {@code ResultTooLargeException}
   */
  public IpcStreamSink(OutputStream out, long maxBytes) {
    this.out = new LimitedOutputStream(out, maxBytes);
  }

  @Override
  public void start(VectorSchemaRoot root) throws IOException {
    writer = new ArrowStreamWriter(root, null, out);
    writer.start();
  }

  @Override
  public void write(VectorSchemaRoot root) throws IOException {
    writer.writeBatch();
  }

  @Override
  public void end() throws IOException {
    writer.end();
    out.flush();
    ended = true;
  }

  /** Bytes written so far. */
  public long bytesWritten() {
    return out.written();
  }

  /**
   * Releases the writer; the caller's stream stays open. After a failure the end-of-stream marker
   * is not written (closing an Arrow writer would write it), so the stream never looks complete;
   * the writer holds no Arrow buffers, so skipping its close leaks nothing.
   */
  @Override
  public void close() {
    if (ended) writer.close();
  }
}
