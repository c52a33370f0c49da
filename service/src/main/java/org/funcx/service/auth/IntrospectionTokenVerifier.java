package org.funcx.service.auth;

import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import java.net.URI;
import java.util.Date;

/**
 * Verifies opaque tokens by asking the identity provider (RFC 7662 introspection), as the
 * resource server client {@code clientId}. Inactive, expired or foreign-audience tokens fail.
 */
public final class IntrospectionTokenVerifier implements TokenVerifier {
  private final URI endpoint;
  private final ClientSecretBasic credentials;
  private final String issuer;
  private final String audience;

  public IntrospectionTokenVerifier(
      URI endpoint, String clientId, String clientSecret, String issuer, String audience) {
    this.endpoint = endpoint;
    this.credentials = new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret));
    this.issuer = issuer;
    this.audience = audience;
  }

  @Override
  public Principal verify(String token) throws InvalidTokenException {
    TokenIntrospectionResponse response;
    try {
      var request =
          new TokenIntrospectionRequest(endpoint, credentials, new BearerAccessToken(token));
      var http = request.toHTTPRequest();
      http.setConnectTimeout(5_000);
      http.setReadTimeout(10_000);
      response = TokenIntrospectionResponse.parse(http.send());
    } catch (Exception e) {
      throw new InvalidTokenException("token introspection at " + endpoint + " failed: " + e, e);
    }
    if (!response.indicatesSuccess()) {
      throw new InvalidTokenException(
          "token introspection refused: " + response.toErrorResponse().getErrorObject());
    }
    TokenIntrospectionSuccessResponse active = response.toSuccessResponse();
    if (!active.isActive()) throw new InvalidTokenException("token is not active");
    if (active.getExpirationTime() != null && active.getExpirationTime().before(new Date())) {
      throw new InvalidTokenException("token expired");
    }
    if (issuer != null
        && active.getIssuer() != null
        && !issuer.equals(active.getIssuer().getValue())) {
      throw new InvalidTokenException("token is from another issuer");
    }
    if (audience != null
        && (active.getAudience() == null
            || !active.getAudience().contains(new Audience(audience)))) {
      throw new InvalidTokenException("token is not meant for this service");
    }
    return ClaimsMapping.principal(active.toJSONObject());
  }
}
