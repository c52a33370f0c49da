package org.funcx.service.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A budget of credential attempts per client address and per account name (user or client id):
 * each attempt takes one from both buckets before any password is hashed, one comes back every
 * {@code refillEvery}, and a successful attempt gives its own back. An empty bucket means
 * {@link Throttled} (429 with Retry-After), so parallel guesses cannot all get through, and a
 * guessing client costs the service no PBKDF2 work once its budget is spent.
 */
final class LoginThrottle {
  /** Buckets kept before full (idle) ones are dropped: a spray of names cannot grow the map. */
  private static final int MAX_KEYS = 100_000;

  private final int attempts;
  private final long refillNanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Refused: the caller may try again after {@code retryAfterSeconds}. */
  static final class Throttled extends RuntimeException {
    final long retryAfterSeconds;

    Throttled(long retryAfterSeconds) {
      super("too many sign-in attempts; retry after " + retryAfterSeconds + " s");
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  /** An attempt that took from its buckets; {@link #succeeded()} gives it back. */
  final class Attempt {
    private final List<Bucket> taken;

    private Attempt(List<Bucket> taken) {
      this.taken = taken;
    }

    void succeeded() {
      long now = System.nanoTime();
      for (Bucket b : taken) b.giveBack(now);
    }
  }

  private final class Bucket {
    private double tokens = attempts;
    private long lastNanos = System.nanoTime();

    /** Refills, then returns the nanoseconds until one attempt is available (0: available now). */
    synchronized long refill(long now) {
      tokens = Math.min(attempts, tokens + (double) (now - lastNanos) / refillNanos);
      lastNanos = now;
      return tokens >= 1 ? 0 : (long) ((1 - tokens) * refillNanos);
    }

    synchronized void take() {
      tokens -= 1;
    }

    synchronized void giveBack(long now) {
      refill(now);
      tokens = Math.min(attempts, tokens + 1);
    }

    synchronized boolean full(long now) {
      refill(now);
      return tokens >= attempts;
    }
  }

  LoginThrottle(int attempts, Duration refillEvery) {
    if (attempts < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
      throw new IllegalArgumentException(
          "a login budget needs attempts >= 1 and a positive refill");
    }
    this.attempts = attempts;
    this.refillNanos = refillEvery.toNanos();
  }

  /**
   * Takes one attempt from the bucket of every key (null keys are skipped), all or none; one
   * lock, so of 200 parallel guesses exactly the budget gets through.
   *
   * @throws Throttled when one of them is empty
   */
  synchronized Attempt begin(String address, String account) {
    List<Bucket> taken = new ArrayList<>(2);
    if (address != null) taken.add(bucket("ip:" + address));
    if (account != null) taken.add(bucket("account:" + account));
    long now = System.nanoTime();
    long wait = 0;
    for (Bucket b : taken) wait = Math.max(wait, b.refill(now));
    if (wait > 0) throw new Throttled(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
    taken.forEach(Bucket::take);
    return new Attempt(taken);
  }

  private Bucket bucket(String key) {
    if (buckets.size() > MAX_KEYS) {
      long now = System.nanoTime();
      buckets.values().removeIf(b -> b.full(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket());
  }
}
