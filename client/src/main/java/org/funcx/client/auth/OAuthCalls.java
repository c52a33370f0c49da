package org.funcx.client.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import javax.net.ssl.SSLSocketFactory;
import org.funcx.client.FuncXException;
import org.funcx.client.tls.ServerTrust;

/** The OAuth 2 token requests of the SDK, made with the Nimbus SDK. */
final class OAuthCalls {
  private OAuthCalls() {}

  /** A token request was answered with an OAuth error (its code, e.g. {@code invalid_grant}). */
  static final class OAuthRefused extends FuncXException {
    final String error;

    OAuthRefused(ErrorObject e) {
      super(
          e.getHTTPStatusCode() == 0 ? 400 : e.getHTTPStatusCode(),
          e.getCode(),
          "the token endpoint refused: "
              + e.getCode()
              + (e.getDescription() == null ? "" : " (" + e.getDescription() + ")"));
      this.error = e.getCode();
    }
  }

  static TokenStore.Tokens clientCredentials(
      URI tokenEndpoint, TokenStore.ClientSecret client, SSLSocketFactory tls) {
    return send(
        new TokenRequest(
            tokenEndpoint,
            new ClientSecretBasic(
                new ClientID(client.clientId()), new Secret(client.clientSecret())),
            new ClientCredentialsGrant(),
            (Scope) null),
        client.clientId(),
        tls);
  }

  static TokenStore.Tokens refresh(URI tokenEndpoint, TokenStore.Tokens old, SSLSocketFactory tls) {
    AuthorizationGrant grant = new RefreshTokenGrant(new RefreshToken(old.refreshToken()));
    return send(
        new TokenRequest(tokenEndpoint, new ClientID(old.clientId()), grant, null),
        old.clientId(),
        tls);
  }

  /** Sends a token request; {@code tls} (null: the JVM's default) verifies an https issuer. */
  static TokenStore.Tokens send(TokenRequest request, String clientId, SSLSocketFactory tls) {
    TokenResponse response;
    try {
      response = TokenResponse.parse(prepare(request.toHTTPRequest(), tls).send());
    } catch (Exception e) {
      String what = "cannot get a token from " + request.getEndpointURI();
      if (e instanceof java.io.IOException io) {
        throw ServerTrust.explain(request.getEndpointURI().toString(), what, io);
      }
      throw new FuncXException(0, "unreachable", what + ": " + e, e);
    }
    if (!response.indicatesSuccess())
      throw new OAuthRefused(response.toErrorResponse().getErrorObject());
    AccessTokenResponse ok = response.toSuccessResponse();
    var tokens = ok.getTokens();
    long lifetime =
        tokens.getAccessToken().getLifetime() > 0 ? tokens.getAccessToken().getLifetime() : 300;
    return new TokenStore.Tokens(
        tokens.getAccessToken().getValue(),
        tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
        System.currentTimeMillis() + lifetime * 1000,
        clientId);
  }

  /** Timeouts and the TLS trust every call to the issuer uses. */
  static HTTPRequest prepare(HTTPRequest http, SSLSocketFactory tls) {
    http.setConnectTimeout(5_000);
    http.setReadTimeout(30_000);
    if (tls != null) http.setSSLSocketFactory(tls);
    return http;
  }
}
