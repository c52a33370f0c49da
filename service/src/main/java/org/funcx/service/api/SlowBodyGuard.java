package org.funcx.service.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Map;

/**
 * Slow request bodies (slowloris) cannot hold the Jetty threads: every request body is read
 * through a stream that counts the time its reads spent waiting for the network and the bytes
 * they got. Once reads have waited {@link #GRACE_NANOS} in all, the body must have come at
 * {@link #MIN_BYTES_PER_SECOND} over that waiting time, else the read fails with 408
 * {@code request_too_slow} and the connection is closed. Only waiting counts, never the time
 * the service itself spends between reads, so a small body that arrived whole is never refused.
 * A body that stops altogether is ended by Jetty's idle timeout for request I/O
 * ({@link ApiServer#REQUEST_IO_IDLE_MILLIS}).
 */
final class SlowBodyGuard implements Filter {
  static final long MIN_BYTES_PER_SECOND = 1024;
  static final long GRACE_NANOS = 5_000_000_000L;

  /** Thrown from a read of a body that comes too slowly; answered 408, connection closed. */
  static final class TooSlowException extends ApiException {
    TooSlowException(long bytes, long waitedNanos) {
      super(
          408,
          "request_too_slow",
          "the request body came at less than "
              + MIN_BYTES_PER_SECOND
              + " bytes/s ("
              + bytes
              + " bytes in "
              + waitedNanos / 1_000_000
              + " ms of waiting); the connection is closed",
          Map.of("min_bytes_per_second", MIN_BYTES_PER_SECOND, "bytes", bytes));
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean hasBody =
        request.getContentLengthLong() > 0
            || (request instanceof HttpServletRequest h
                && h.getHeader("Transfer-Encoding") != null);
    chain.doFilter(hasBody ? new Guarded((HttpServletRequest) request) : request, response);
  }

  private static final class Guarded extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Guarded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) stream = new RateCheckedStream(super.getInputStream());
      return stream;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String charset = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class RateCheckedStream extends ServletInputStream {
    private final ServletInputStream in;
    private long bytes;
    private long waitedNanos;

    RateCheckedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      long start = System.nanoTime();
      int b = in.read();
      account(b < 0 ? 0 : 1, System.nanoTime() - start);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      long start = System.nanoTime();
      int n = in.read(buffer, offset, length);
      account(Math.max(n, 0), System.nanoTime() - start);
      return n;
    }

    private void account(int got, long waited) {
      bytes += got;
      waitedNanos += waited;
      long due = MIN_BYTES_PER_SECOND * waitedNanos / 1_000_000_000L;
      if (waitedNanos > GRACE_NANOS && bytes < due) {
        throw new TooSlowException(bytes, waitedNanos);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
