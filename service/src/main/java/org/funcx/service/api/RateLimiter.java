package org.funcx.service.api;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client address: {@code perSecond} requests a second with bursts of twice as
 * many. Over the limit, a 429 with {@code Retry-After} instead of queueing work the service cannot
 * do. (Per user once authentication lands; per address until then.)
 */
final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }
  }

  RateLimiter(double perSecond) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, perSecond * 2);
  }

  void check(Context ctx) {
    if (perSecond <= 0) return;
    long now = System.nanoTime();
    Bucket b = buckets.computeIfAbsent(ctx.ip(), ip -> new Bucket(burst, now));
    double waitSeconds;
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * perSecond);
      b.lastNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      waitSeconds = (1 - b.tokens) / perSecond;
    }
    long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
    ctx.header("Retry-After", String.valueOf(retryAfter));
    throw new ApiException(
        429,
        "rate_limited",
        "more than "
            + perSecond
            + " requests a second from "
            + ctx.ip()
            + "; retry after "
            + retryAfter
            + " s",
        Map.of("retry_after_s", retryAfter));
  }
}
