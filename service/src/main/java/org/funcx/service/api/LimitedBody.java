package org.funcx.service.api;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A request body read through a byte budget: a declared Content-Length over it is refused before
 * anything is read, and a streamed (chunked) body the moment it crosses it, so no request can make
 * the service hold more than the budget. Over the budget: 413 {@code payload_too_large}.
 */
final class LimitedBody extends FilterInputStream {
  private final long limit;
  private final String what;
  private long read;

  private LimitedBody(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  /** The request's body stream, bounded to {@code limit} bytes. */
  static InputStream of(Context ctx, long limit, String what) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) throw tooLarge(limit, what, declared);
    return new LimitedBody(ctx.req().getInputStream(), limit, what);
  }

  static ApiException tooLarge(long limit, String what, long size) {
    Map<String, Object> details =
        size > 0 ? Map.of("limit_bytes", limit, "size_bytes", size) : Map.of("limit_bytes", limit);
    return new ApiException(
        413,
        "payload_too_large",
        what
            + " is larger than the limit of "
            + limit
            + " bytes"
            + (size > 0 ? " (" + size + " bytes)" : ""),
        details);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
    if (n > 0) count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - read + 1));
    count(skipped);
    return skipped;
  }

  private void count(long n) {
    read += n;
    if (read > limit) throw tooLarge(limit, what, -1);
  }
}
