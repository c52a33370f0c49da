package org.funcx.service.api;

import java.io.Writer;
import java.util.Map;

/**
 * Text that refuses to grow past a limit (413 {@code payload_too_large} naming the task): where a
 * task's arguments are copied while the body streams in. A char is at least one UTF-8 byte, so
 * counting chars never refuses what fits.
 */
final class BoundedText extends Writer {
  private final StringBuilder text = new StringBuilder();
  private final int limit;
  private final int index;

  BoundedText(int limit, int index) {
    this.limit = limit;
    this.index = index;
  }

  static ApiException tooLarge(int index, long size, int limit) {
    String how = size > 0 ? size + " bytes" : "more than " + limit + " bytes";
    Map<String, Object> details = size > 0
        ? Map.of("task_index", index, "size", size, "limit", limit)
        : Map.of("task_index", index, "limit", limit);
    return new ApiException(413, "payload_too_large", "task " + index + ": arguments are "
        + how + ", the limit is " + limit, details);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    if (text.length() + length > limit) throw tooLarge(index, -1, limit);
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    if (text.length() + length > limit) throw tooLarge(index, -1, limit);
    text.append(s, offset, offset + length);
  }

  @Override
  public void write(int c) {
    write(new char[] {(char) c}, 0, 1);
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
