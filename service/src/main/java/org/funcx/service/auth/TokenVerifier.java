package org.funcx.service.auth;

/** Turns a bearer token into the principal it stands for, or refuses it. */
public interface TokenVerifier {
  /** @throws InvalidTokenException when the token is malformed, forged, expired or not for us */
  Principal verify(String token) throws InvalidTokenException;
}
