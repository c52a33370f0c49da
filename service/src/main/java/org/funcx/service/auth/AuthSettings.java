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
 */
public record AuthSettings(String issuer, String audience, URI introspection,
    String introspectionClientId, String introspectionClientSecret, Duration accessTokenTtl,
    Duration deviceInterval, String sdkClientId) {

  public static final String DEFAULT_AUDIENCE = "funcx";

  public static AuthSettings embedded() {
    return new AuthSettings(null, DEFAULT_AUDIENCE, null, null, null, Duration.ofHours(1),
        Duration.ofSeconds(1), Accounts.SDK_CLIENT_ID);
  }

  public static AuthSettings externalJwt(String issuer, String audience) {
    return new AuthSettings(issuer, audience, null, null, null, Duration.ofHours(1),
        Duration.ofSeconds(5), Accounts.SDK_CLIENT_ID);
  }

  public AuthSettings withIntrospection(URI endpoint, String clientId, String clientSecret) {
    return new AuthSettings(issuer, audience, endpoint, clientId, clientSecret, accessTokenTtl,
        deviceInterval, sdkClientId);
  }

  public AuthSettings withSdkClientId(String clientId) {
    return new AuthSettings(issuer, audience, introspection, introspectionClientId,
        introspectionClientSecret, accessTokenTtl, deviceInterval, clientId);
  }

  public AuthSettings withAccessTokenTtl(Duration ttl) {
    return new AuthSettings(issuer, audience, introspection, introspectionClientId,
        introspectionClientSecret, ttl, deviceInterval, sdkClientId);
  }

  public boolean isEmbedded() {
    return issuer == null;
  }
}
