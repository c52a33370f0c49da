package org.funcx.kernel.display;

import java.io.ByteArrayOutputStream;

/** Bytes written in memory up to a cap; the write that would pass it throws {@link CapExceeded}. */
final class CappedBytes extends ByteArrayOutputStream {
  /** Unchecked so that it passes through encoders, which may wrap it in an IOException. */
  static final class CapExceeded extends RuntimeException {
    CapExceeded(int cap) {
      super("more than " + cap + " bytes");
    }
  }

  private final int cap;

  CappedBytes(int cap) {
    this.cap = cap;
  }

  @Override
  public synchronized void write(int b) {
    ensureRoom(1);
    super.write(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    ensureRoom(length);
    super.write(bytes, offset, length);
  }

  private void ensureRoom(int length) {
    if ((long) count + length > cap) throw new CapExceeded(cap);
  }
}
