package org.funcx.client.auth;

import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens for one service from a {@link TokenStore}: the cached access token while it has a
 * minute left, else a refresh (login tokens rotate their refresh token), else client credentials,
 * else none (the service then answers 401 and says how to log in). Thread-safe.
 */
public final class StoredCredentials implements Credentials {
  private static final Logger log = LoggerFactory.getLogger(StoredCredentials.class);
  private static final long MARGIN_MILLIS = 60_000;
  private final String url;
  private final TokenStore store;
  private final Supplier<AuthDiscovery> discovery;
  private final SSLSocketFactory tls;
  private AuthDiscovery endpoints;

  public StoredCredentials(String url, TokenStore store, Supplier<AuthDiscovery> discovery) {
    this(url, store, discovery, null);
  }

  /** As above; {@code tls} verifies an https issuer (null: the JVM's default trust). */
  public StoredCredentials(
      String url, TokenStore store, Supplier<AuthDiscovery> discovery, SSLSocketFactory tls) {
    this.url = url;
    this.store = store;
    this.discovery = discovery;
    this.tls = tls;
  }

  SSLSocketFactory tls() {
    return tls;
  }

  public TokenStore store() {
    return store;
  }

  public String url() {
    return url;
  }

  @Override
  public synchronized String accessToken() {
    TokenStore.Tokens cached = store.tokens(url);
    if (cached != null && !cached.expiresWithin(MARGIN_MILLIS)) return cached.accessToken();
    if (cached != null && cached.refreshToken() != null) {
      try {
        TokenStore.Tokens fresh = OAuthCalls.refresh(endpoints().tokenEndpoint(), cached, tls);
        store.saveTokens(url, fresh);
        return fresh.accessToken();
      } catch (OAuthCalls.OAuthRefused e) {
        log.info("login for {} expired ({}); log in again", url, e.error);
        store.saveTokens(url, null);
      }
    }
    TokenStore.ClientSecret client = store.client(url);
    if (client == null) return null;
    TokenStore.Tokens fresh =
        OAuthCalls.clientCredentials(endpoints().tokenEndpoint(), client, tls);
    store.saveTokens(url, fresh);
    return fresh.accessToken();
  }

  @Override
  public synchronized void rejected() {
    TokenStore.Tokens cached = store.tokens(url);
    // Keep the refresh token: it may still give a valid access token (e.g. after a key change).
    if (cached != null) {
      store.saveTokens(
          url,
          cached.refreshToken() == null
              ? null
              : new TokenStore.Tokens(
                  cached.accessToken(), cached.refreshToken(), 0, cached.clientId()));
    }
  }

  synchronized AuthDiscovery endpoints() {
    if (endpoints == null) endpoints = discovery.get();
    if (endpoints.tokenEndpoint() == null) {
      throw new org.funcx.client.FuncXException(
          0, "no_auth", "the service at " + url + " does not say where to get tokens");
    }
    return endpoints;
  }
}
