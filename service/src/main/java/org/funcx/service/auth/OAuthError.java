package org.funcx.service.auth;

/** An RFC 6749 §5.2 error answered by the token or device endpoint. */
final class OAuthError extends RuntimeException {
  final int status;
  final String error;

  OAuthError(int status, String error, String description) {
    super(description);
    this.status = status;
    this.error = error;
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description);
  }

  static OAuthError invalidClient() {
    return new OAuthError(401, "invalid_client", "unknown client or wrong secret");
  }
}
