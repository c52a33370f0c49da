package org.funcx.arrow.internal.encode;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.funcx.arrow.ResultTooLargeException;

/**
 * Counts the bytes passed to the caller's stream and refuses the write that would cross the limit,
 * so nothing beyond the limit reaches the stream. {@link #close()} flushes but leaves the caller's
 * stream open: the caller owns it.
 */
public final class LimitedOutputStream extends FilterOutputStream {
  private final long limit;
  private long written;

  public LimitedOutputStream(OutputStream out, long limit) {
    super(out);
    this.limit = limit;
  }

  public long written() {
    return written;
  }

  @Override
  public void write(int b) throws IOException {
    admit(1);
    out.write(b);
    written++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    admit(length);
    out.write(bytes, offset, length);
    written += length;
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  private void admit(int length) {
    if (written + length > limit) {
      throw new ResultTooLargeException(written + length, limit);
    }
  }
}
