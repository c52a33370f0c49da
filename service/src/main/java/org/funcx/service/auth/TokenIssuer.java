package org.funcx.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;

/** Mints the embedded issuer's access tokens: ES256 JWTs ({@code at+jwt}, RFC 9068 claims). */
public final class TokenIssuer {
  private final SigningKeys keys;
  private final String issuer;
  private final String audience;

  public TokenIssuer(SigningKeys keys, String issuer, String audience) {
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
  }

  public String issuer() {
    return issuer;
  }

  /** A signed access token for {@code p}, valid for {@code ttl} (negative: already expired). */
  public String accessToken(Principal p, String clientId, Duration ttl) {
    long now = System.currentTimeMillis();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(p.subject())
            .issueTime(new Date(now))
            .notBeforeTime(new Date(now - 1_000))
            .expirationTime(new Date(now + ttl.toMillis()))
            .jwtID(UUID.randomUUID().toString())
            .claim("client_id", clientId)
            .claim("scope", String.join(" ", p.scopes()))
            .claim("groups", new ArrayList<>(p.groups()));
    if (p.username() != null) claims.claim("preferred_username", p.username());
    if (p.endpointId() != null) claims.claim("endpoint_id", p.endpointId());
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(new JOSEObjectType("at+jwt"))
                  .keyID(keys.privateKey().getKeyID())
                  .build(),
              claims.build());
      jwt.sign(new ECDSASigner(keys.privateKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
  }
}
