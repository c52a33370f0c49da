package org.funcx.service.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that verified for a short while: a client sends the same token with every
 * request, and an ES256 check costs 1–2 ms of CPU here (an introspection, a round trip to the
 * provider). Only successes are kept, for at most {@code ttlMillis} — within the minute of clock
 * skew the verifiers already allow — so an expired token is not accepted noticeably longer.
 */
final class CachingTokenVerifier implements TokenVerifier {
  private static final int MAX_ENTRIES = 10_000;
  private final TokenVerifier delegate;
  private final long ttlMillis;
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();

  private record Entry(Principal principal, long validUntilMillis) {}

  CachingTokenVerifier(TokenVerifier delegate, long ttlMillis) {
    this.delegate = delegate;
    this.ttlMillis = ttlMillis;
  }

  @Override
  public Principal verify(String token) throws InvalidTokenException {
    long now = System.currentTimeMillis();
    Entry hit = verified.get(token);
    if (hit != null && hit.validUntilMillis() > now) return hit.principal();
    Principal p = delegate.verify(token);
    if (verified.size() >= MAX_ENTRIES) verified.clear(); // crude bound; refills from live clients
    verified.put(token, new Entry(p, now + ttlMillis));
    return p;
  }
}
