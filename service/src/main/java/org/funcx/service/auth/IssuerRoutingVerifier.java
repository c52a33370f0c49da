package org.funcx.service.auth;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;

/**
 * Sends each token to the verifier of its issuer: the embedded issuer's own tokens (endpoint
 * agents, automation clients, local users) to the embedded verifier, everything else (JWTs of an
 * external identity provider, opaque tokens for introspection) to the external one, if any.
 * The issuer read here is only a routing hint; the chosen verifier checks it again.
 */
final class IssuerRoutingVerifier implements TokenVerifier {
  private final String embeddedIssuer;
  private final TokenVerifier embedded;
  private final TokenVerifier external;

  IssuerRoutingVerifier(String embeddedIssuer, TokenVerifier embedded, TokenVerifier external) {
    this.embeddedIssuer = embeddedIssuer;
    this.embedded = embedded;
    this.external = external;
  }

  @Override
  public Principal verify(String token) throws InvalidTokenException {
    String iss = null;
    try {
      iss = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      // not a JWT: an opaque token, only an introspecting external verifier can judge it
    }
    if (embeddedIssuer.equals(iss) || external == null) return embedded.verify(token);
    return external.verify(token);
  }
}
