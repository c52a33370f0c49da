package org.funcx.service.auth;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One-time authorization codes of the code flow with PKCE (RFC 7636, S256 only), each bound to
 * the client, the redirect URI and the code challenge it was issued for. Kept in memory: they live
 * for a minute, and a restart only asks the browser to sign in again. At most {@link #MAX_PENDING}
 * wait at once, so a flood of sign-ins cannot grow the map. A code presented a second time within
 * its minute revokes the token the first use got.
 */
final class AuthorizationCodes {
  /** Codes issued but not yet redeemed or expired, at most. */
  static final int MAX_PENDING = 10_000;

  private final Map<String, Grant> pending = new ConcurrentHashMap<>();

  /** Codes presented once, until they would have expired: a second use means the code leaked. */
  private final Map<String, Redeemed> redeemed = new ConcurrentHashMap<>();

  private final long lifetimeMillis;
  private final Consumer<String> revokeToken;

  /**
   * @param revokeToken withdraws an access token; called for the token a code was exchanged for
   *     when the code is presented again (RFC 6749 §4.1.2)
   */
  AuthorizationCodes(long lifetimeMillis, Consumer<String> revokeToken) {
    this.lifetimeMillis = lifetimeMillis;
    this.revokeToken = revokeToken;
  }

  /** A redeemed code: the token it was exchanged for, once issued, and whether it came again. */
  private static final class Redeemed {
    final long expiresAtMillis;
    private String token;
    private boolean presentedAgain;

    Redeemed(long expiresAtMillis) {
      this.expiresAtMillis = expiresAtMillis;
    }

    synchronized void issued(String accessToken, Consumer<String> revoke) {
      token = accessToken;
      if (presentedAgain) revoke.accept(accessToken);
    }

    synchronized void presentedAgain(Consumer<String> revoke) {
      presentedAgain = true;
      if (token != null) revoke.accept(token);
    }
  }

  /** What a code stands for: who signed in, for which client, redirect, challenge and scopes. */
  record Grant(
      String clientId,
      String redirectUri,
      String challenge,
      String userId,
      Set<String> scopes,
      long expiresAtMillis) {}

  long lifetimeMillis() {
    return lifetimeMillis;
  }

  /** A new code for {@code grant}'s fields, or {@link OAuthError} when too many are pending. */
  String issue(
      String clientId, String redirectUri, String challenge, String userId, Set<String> scopes) {
    long now = System.currentTimeMillis();
    if (pending.size() >= MAX_PENDING) pending.values().removeIf(g -> g.expiresAtMillis < now);
    if (pending.size() >= MAX_PENDING) {
      throw new OAuthError(
          503,
          "temporarily_unavailable",
          "too many sign-ins in progress (" + MAX_PENDING + "); try again in a minute");
    }
    String code = Secrets.random(32);
    pending.put(
        code,
        new Grant(
            clientId, redirectUri, challenge, userId, Set.copyOf(scopes), now + lifetimeMillis));
    return code;
  }

  /**
   * Redeems {@code code} once: it is gone after this call whatever the outcome, so a code that
   * leaked with a wrong guess of the verifier cannot be tried again.
   *
   * @throws OAuthError invalid_grant for an unknown, used or expired code, another client or
   *     redirect URI, or a verifier that does not hash to the challenge
   */
  Grant redeem(String code, String clientId, String redirectUri, String verifier) {
    long now = System.currentTimeMillis();
    Grant g = code == null ? null : pending.remove(code);
    if (g == null) {
      Redeemed used = code == null ? null : redeemed.get(code);
      if (used != null && used.expiresAtMillis >= now) {
        used.presentedAgain(revokeToken);
        throw OAuthError.invalidGrant(
            "the authorization code was used before; the token issued for it is revoked");
      }
      throw OAuthError.invalidGrant("unknown, used or expired authorization code");
    }
    redeemed.values().removeIf(r -> r.expiresAtMillis < now);
    redeemed.put(code, new Redeemed(g.expiresAtMillis));
    if (g.expiresAtMillis < now) {
      throw OAuthError.invalidGrant(
          "the authorization code expired (codes live " + lifetimeMillis / 1000 + " s)");
    }
    if (!g.clientId.equals(clientId)) {
      throw OAuthError.invalidGrant("the code was issued to another client");
    }
    if (!g.redirectUri.equals(redirectUri)) {
      throw OAuthError.invalidGrant("redirect_uri differs from the one the code was issued for");
    }
    if (verifier == null) throw OAuthError.invalidGrant("code_verifier is required (PKCE)");
    CodeVerifier parsed;
    try {
      parsed = new CodeVerifier(verifier);
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidGrant("code_verifier must be 43-128 unreserved characters");
    }
    String computed = CodeChallenge.compute(CodeChallengeMethod.S256, parsed).getValue();
    if (!Secrets.sameDigest(computed, g.challenge)) {
      throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
    }
    return g;
  }

  /** {@code code} was exchanged for {@code accessToken}, which a second use of it revokes. */
  void issued(String code, String accessToken) {
    Redeemed r = code == null ? null : redeemed.get(code);
    if (r != null) r.issued(accessToken, revokeToken);
  }

  /** A valid S256 challenge is the base64url SHA-256 of a verifier: 43 characters. */
  static boolean wellFormedChallenge(String challenge) {
    return challenge != null && challenge.matches("[A-Za-z0-9_-]{43}");
  }
}
