package org.funcx.core.exec;

import java.io.Writer;

/**
 * The sink a result's JSON is written into: keeps the text and counts its UTF-8 bytes as they
 * arrive, and refuses the write that would cross the limit. So a huge result (a 2 GiB string, an
 * endless list) costs at most the limit in memory, never its whole encoding.
 */
final class BoundedJsonText extends Writer {
  private final StringBuilder text = new StringBuilder();
  private final long limitBytes;
  private long utf8Bytes;

  BoundedJsonText(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws PayloadTooLargeException {
    long bytes = utf8Bytes;
    for (int i = offset; i < offset + length; i++) bytes = admit(bytes + utf8Length(chars[i]));
    text.append(chars, offset, length);
    utf8Bytes = bytes;
  }

  @Override
  public void write(String s, int offset, int length) throws PayloadTooLargeException {
    long bytes = utf8Bytes;
    for (int i = offset; i < offset + length; i++) bytes = admit(bytes + utf8Length(s.charAt(i)));
    text.append(s, offset, offset + length);
    utf8Bytes = bytes;
  }

  @Override
  public void write(int c) throws PayloadTooLargeException {
    utf8Bytes = admit(utf8Bytes + utf8Length((char) c));
    text.append((char) c);
  }

  /** Checked char by char, so a 2 GiB string fails as soon as it crosses, not once counted. */
  private long admit(long bytesAfter) throws PayloadTooLargeException {
    if (bytesAfter > limitBytes) throw new PayloadTooLargeException("JSON", limitBytes);
    return bytesAfter;
  }

  /** A surrogate counts 2: a pair is 4 bytes of UTF-8 (a lone one, written as '?', is fewer). */
  private static int utf8Length(char c) {
    if (c < 0x80) return 1;
    if (c < 0x800 || Character.isSurrogate(c)) return 2;
    return 3;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
