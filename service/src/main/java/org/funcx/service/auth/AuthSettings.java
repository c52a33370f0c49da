package org.funcx.service.auth;

import java.net.URI;
import java.time.Duration;

/**
 * How the service authenticates users.
 *
 * @param issuer null for the embedded issuer (the service itself); else the external identity
 *     provider's issuer URL, whose metadata and JWKS are discovered from it
 * @param audience the audience tokens must be issued for
 * @param introspection when set, tokens are opaque and checked by RFC 7662 introspection there
 * @param introspectionClientId the service's client id at the identity provider
 * @param introspectionClientSecret its secret
 * @param accessTokenTtl lifetime of the embedded issuer's access tokens
 * @param deviceInterval how often device-flow clients may poll
 * @param sdkClientId the public client notebooks and the CLI log in as (device flow); at an
 *     external provider, the id registered there
 * @param loginAttempts credential attempts (device approvals, client secrets, refresh tokens) a
 *     client address and an account may make before 429s; successful ones are given back
 * @param loginRefill how often one spent attempt comes back
 */
public record AuthSettings(
    String issuer,
    String audience,
    URI introspection,
    String introspectionClientId,
    String introspectionClientSecret,
    Duration accessTokenTtl,
    Duration deviceInterval,
    String sdkClientId,
    int loginAttempts,
    Duration loginRefill) {

  /** Lifetime of the embedded issuer's access tokens unless set (the SDK refreshes them). */
  public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofHours(1);

  /** Lifetime of the embedded issuer's refresh tokens (each is good once). */
  public static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);

  /** How long a device-flow code waits for its approval. */
  public static final Duration DEVICE_CODE_TTL = Duration.ofMinutes(10);

  /** How long an authorization code (dashboard sign-in) may wait for its exchange; once only. */
  public static final Duration AUTHORIZATION_CODE_TTL = Duration.ofSeconds(60);

  public static final int DEFAULT_LOGIN_ATTEMPTS = 10;
  public static final Duration DEFAULT_LOGIN_REFILL = Duration.ofSeconds(6);

  public static final String DEFAULT_AUDIENCE = "funcx";

  public static AuthSettings embedded() {
    return new AuthSettings(
        null,
        DEFAULT_AUDIENCE,
        null,
        null,
        null,
        DEFAULT_ACCESS_TOKEN_TTL,
        Duration.ofSeconds(1),
        Accounts.SDK_CLIENT_ID,
        DEFAULT_LOGIN_ATTEMPTS,
        DEFAULT_LOGIN_REFILL);
  }

  public static AuthSettings externalJwt(String issuer, String audience) {
    return new AuthSettings(
        issuer,
        audience,
        null,
        null,
        null,
        DEFAULT_ACCESS_TOKEN_TTL,
        Duration.ofSeconds(5),
        Accounts.SDK_CLIENT_ID,
        DEFAULT_LOGIN_ATTEMPTS,
        DEFAULT_LOGIN_REFILL);
  }

  public AuthSettings withIntrospection(URI endpoint, String clientId, String clientSecret) {
    return new AuthSettings(
        issuer,
        audience,
        endpoint,
        clientId,
        clientSecret,
        accessTokenTtl,
        deviceInterval,
        sdkClientId,
        loginAttempts,
        loginRefill);
  }

  public AuthSettings withSdkClientId(String clientId) {
    return new AuthSettings(
        issuer,
        audience,
        introspection,
        introspectionClientId,
        introspectionClientSecret,
        accessTokenTtl,
        deviceInterval,
        clientId,
        loginAttempts,
        loginRefill);
  }

  public AuthSettings withAccessTokenTtl(Duration ttl) {
    return new AuthSettings(
        issuer,
        audience,
        introspection,
        introspectionClientId,
        introspectionClientSecret,
        ttl,
        deviceInterval,
        sdkClientId,
        loginAttempts,
        loginRefill);
  }

  public AuthSettings withLoginBudget(int attempts, Duration refill) {
    return new AuthSettings(
        issuer,
        audience,
        introspection,
        introspectionClientId,
        introspectionClientSecret,
        accessTokenTtl,
        deviceInterval,
        sdkClientId,
        attempts,
        refill);
  }

  public boolean isEmbedded() {
    return issuer == null;
  }
}
