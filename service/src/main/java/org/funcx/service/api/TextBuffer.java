package org.funcx.service.api;

import java.io.Writer;
import java.util.function.Supplier;

/**
 * A StringWriter without its lock (StringWriter appends to a synchronized StringBuffer), optionally
 * bounded: past {@code limit} chars it throws what {@code overflow} makes, while writing, so a
 * stream copied into it never grows beyond the bound.
 */
final class TextBuffer extends Writer {
  private final StringBuilder text;
  private final int limit;
  private final Supplier<? extends RuntimeException> overflow;

  /** Unbounded. */
  TextBuffer(int capacity) {
    this(capacity, Integer.MAX_VALUE, null);
  }

  TextBuffer(int capacity, int limit, Supplier<? extends RuntimeException> overflow) {
    this.text = new StringBuilder(capacity);
    this.limit = limit;
    this.overflow = overflow;
  }

  private void room(int more) {
    if (text.length() + more > limit) throw overflow.get();
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    room(length);
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    room(length);
    text.append(s, offset, offset + length);
  }

  @Override
  public void write(int c) {
    room(1);
    text.append((char) c);
  }

  @Override
  public Writer append(CharSequence s) {
    room(s.length());
    text.append(s);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
