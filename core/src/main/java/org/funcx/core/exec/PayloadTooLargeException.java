package org.funcx.core.exec;

import java.io.IOException;

/**
 * An encoder crossed the result size limit and stopped writing: the bytes written so far are at
 * most {@link #limitBytes()}, the rest of the result was never encoded. An IOException so that it
 * passes through writers and Gson (which wraps it in a JsonIOException) as the cause.
 */
public final class PayloadTooLargeException extends IOException {
  private final String format;
  private final long limitBytes;

  /** @param format what was being written, e.g. {@code JSON} or {@code arrow} */
  public PayloadTooLargeException(String format, long limitBytes) {
    super("the " + format + " encoding crossed the limit of " + limitBytes + " bytes");
    this.format = format;
    this.limitBytes = limitBytes;
  }

  public String format() {
    return format;
  }

  public long limitBytes() {
    return limitBytes;
  }

  /** The PayloadTooLargeException among {@code thrown} and its causes, or null. */
  static PayloadTooLargeException in(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PayloadTooLargeException p) return p;
    }
    return null;
  }
}
