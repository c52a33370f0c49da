package org.funcx.service.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the embedded issuer withdrawn before they expire, kept (by their SHA-256) until
 * they would have expired anyway. Today one thing revokes: an authorization code presented again
 * withdraws the token it was exchanged for (RFC 6749 §4.1.2), as the second use means the code
 * leaked. {@link #guard} checks ahead of every other verifier, the verified-token cache included.
 * In memory: a restart forgets revocations, as it forgets the codes they came from.
 */
final class RevokedTokens {
  /** Beyond a token's lifetime: the verifiers allow a minute of clock skew. */
  private static final long SKEW_MILLIS = 60_000;

  private final Map<String, Long> keepUntilByDigest = new ConcurrentHashMap<>();

  /** Withdraws {@code token}, which the issuer made to live {@code lifetime}. */
  void revoke(String token, Duration lifetime) {
    long now = System.currentTimeMillis();
    keepUntilByDigest.values().removeIf(until -> until < now);
    keepUntilByDigest.put(Secrets.sha256(token), now + lifetime.toMillis() + SKEW_MILLIS);
  }

  boolean isRevoked(String token) {
    Long until = keepUntilByDigest.get(Secrets.sha256(token));
    return until != null && until >= System.currentTimeMillis();
  }

  /** {@code verifier}, refusing revoked tokens first. */
  TokenVerifier guard(TokenVerifier verifier) {
    return token -> {
      if (token != null && !keepUntilByDigest.isEmpty() && isRevoked(token)) {
        throw new InvalidTokenException("the access token was revoked", null);
      }
      return verifier.verify(token);
    };
  }
}
