package org.funcx.client.auth;

/** Supplies the bearer token of each request to a funcX service. */
public interface Credentials {
  /** The access token to send, or null to send none. */
  String accessToken();

  /** The service refused the last token (401): forget it, so the next call gets a fresh one. */
  void rejected();

  /** A fixed token, e.g. from {@code FUNCX_TOKEN}; never refreshed. */
  static Credentials token(String accessToken) {
    return new Credentials() {
      @Override
      public String accessToken() {
        return accessToken;
      }

      @Override
      public void rejected() {
        // nothing to refresh: the caller sees the 401
      }
    };
  }
}
