package org.funcx.service.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;

/**
 * Verifies JWT access tokens: signature by a key of the issuer's JWKS (asymmetric algorithms
 * only, so neither {@code none} nor an HMAC keyed with a public key can pass), exact issuer,
 * audience, expiry with a minute of clock skew.
 */
public final class JwtTokenVerifier implements TokenVerifier {
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256);
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public JwtTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            new JOSEObjectType("at+jwt"), JOSEObjectType.JWT, null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
  }

  /** Tokens of the embedded issuer, checked against its own key. */
  public static JwtTokenVerifier embedded(SigningKeys keys, String issuer, String audience) {
    return new JwtTokenVerifier(new ImmutableJWKSet<>(keys.publicSet()), issuer, audience);
  }

  /** Tokens of an external issuer whose keys are fetched (and cached) from its JWKS URL. */
  public static JwtTokenVerifier remote(URI jwksUri, String issuer, String audience) {
    try {
      return new JwtTokenVerifier(
          JWKSourceBuilder.create(jwksUri.toURL()).build(), issuer, audience);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad JWKS URL " + jwksUri, e);
    }
  }

  @Override
  public Principal verify(String token) throws InvalidTokenException {
    try {
      return ClaimsMapping.principal(processor.process(token, null).getClaims());
    } catch (InvalidTokenException e) {
      throw e;
    } catch (Exception e) {
      throw new InvalidTokenException("invalid access token: " + e.getMessage(), e);
    }
  }
}
