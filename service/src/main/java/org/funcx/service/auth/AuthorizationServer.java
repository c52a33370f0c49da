package org.funcx.service.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OAuth 2 authorization server: metadata (RFC 8414), JWKS, the token endpoint
 * (client credentials, device code, refresh token, authorization code), the device authorization
 * grant (RFC 8628) with its approval page and the code flow with PKCE ({@link CodeFlow}). Access tokens are short-lived JWTs; refresh tokens rotate.
 */
public final class AuthorizationServer {
  private static final Logger log = LoggerFactory.getLogger(AuthorizationServer.class);
  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  static final long MAX_FORM_BYTES = 64 << 10;
  private final Accounts accounts;
  private final TokenIssuer issuer;
  private final SigningKeys keys;
  private final DeviceGrants devices;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final LoginThrottle throttle;
  private final CodeFlow codeFlow;

  /** Token lifetimes and the device flow's pace come from {@code settings}, their one owner. */
  public AuthorizationServer(
      Accounts accounts,
      TokenIssuer issuer,
      SigningKeys keys,
      AuthSettings settings,
      LoginThrottle throttle,
      RevokedTokens revoked) {
    this.throttle = throttle;
    this.accounts = accounts;
    this.issuer = issuer;
    this.keys = keys;
    this.accessTtl = settings.accessTokenTtl();
    this.refreshTtl = AuthSettings.REFRESH_TOKEN_TTL;
    this.devices =
        new DeviceGrants(
            AuthSettings.DEVICE_CODE_TTL.toMillis(), settings.deviceInterval().toMillis());
    this.codeFlow =
        new CodeFlow(
            accounts,
            throttle,
            new AuthorizationCodes(
                AuthSettings.AUTHORIZATION_CODE_TTL.toMillis(),
                token -> revoked.revoke(token, accessTtl)),
            issuer.issuer());
  }

  public void routes(Javalin app) {
    app.get("/.well-known/oauth-authorization-server", ctx -> ctx.json(metadata()));
    app.get(
        "/oauth/jwks",
        ctx -> ctx.contentType("application/json").result(keys.publicSet().toString()));
    app.before("/oauth/*", AuthorizationServer::boundForm);
    app.before("/device", AuthorizationServer::boundForm);
    app.post("/oauth/token", ctx -> answer(ctx, () -> token(ctx)));
    app.post("/oauth/device_authorization", ctx -> answer(ctx, () -> deviceAuthorization(ctx)));
    app.get("/device", ctx -> ctx.html(ApprovalPage.form(ctx.queryParam("user_code"), null)));
    app.post("/device", this::approve);
    app.get("/oauth/authorize", codeFlow::authorizePage);
    app.post("/oauth/authorize", codeFlow::signIn);
  }

  /**
   * Forms here are a few hundred bytes. Javalin bounds a body it reads only by its declared
   * length, so a form must declare one (411 otherwise) of at most {@link #MAX_FORM_BYTES} (413).
   */
  private static void boundForm(Context ctx) {
    if (!"POST".equals(ctx.method().name())) return;
    long length = ctx.req().getContentLengthLong();
    if (length < 0) {
      throw new org.funcx.service.api.ApiException(
          411, "length_required", "a form needs a Content-Length");
    }
    if (length > MAX_FORM_BYTES) {
      throw new org.funcx.service.api.ApiException(
          413,
          "payload_too_large",
          "a form is at most " + MAX_FORM_BYTES + " bytes",
          Map.of("limit_bytes", MAX_FORM_BYTES, "size_bytes", length));
    }
  }

  public Map<String, Object> metadata() {
    String base = issuer.issuer();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("issuer", base);
    m.put("authorization_endpoint", base + "/oauth/authorize");
    m.put("token_endpoint", base + "/oauth/token");
    m.put("device_authorization_endpoint", base + "/oauth/device_authorization");
    m.put("jwks_uri", base + "/oauth/jwks");
    m.put(
        "grant_types_supported",
        List.of("authorization_code", "client_credentials", DEVICE_GRANT, "refresh_token"));
    m.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none"));
    m.put(
        "scopes_supported",
        List.of(Scope.COMPUTE.claim(), Scope.ENDPOINT.claim(), Scope.ADMIN.claim()));
    m.put("response_types_supported", List.of("code"));
    m.put("code_challenge_methods_supported", List.of("S256"));
    return m;
  }

  private interface Step {
    Map<String, Object> run();
  }

  private static void answer(Context ctx, Step step) {
    ctx.header("Cache-Control", "no-store");
    try {
      ctx.json(step.run());
    } catch (LoginThrottle.Throttled e) {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds))
          .status(429)
          .json(Map.of("error", "rate_limited", "error_description", e.getMessage()));
    } catch (OAuthError e) {
      if (e.status == 401) ctx.header("WWW-Authenticate", "Basic realm=\"funcx\"");
      ctx.status(e.status).json(Map.of("error", e.error, "error_description", e.getMessage()));
    }
  }

  private Map<String, Object> token(Context ctx) {
    String grant = ctx.formParam("grant_type");
    if (grant == null) throw OAuthError.invalidRequest("grant_type is required");
    return switch (grant) {
      case "authorization_code" -> authorizationCode(ctx);
      case "client_credentials" -> clientCredentials(ctx);
      case DEVICE_GRANT -> deviceCode(ctx);
      case "refresh_token" -> refresh(ctx);
      default ->
          throw new OAuthError(
              400, "unsupported_grant_type", "grant " + grant + " is not supported");
    };
  }

  private Map<String, Object> clientCredentials(Context ctx) {
    String[] basic = basicCredentials(ctx);
    String id = basic != null ? basic[0] : ctx.formParam("client_id");
    String secret = basic != null ? basic[1] : ctx.formParam("client_secret");
    LoginThrottle.Attempt attempt = throttle.begin(ctx.ip(), id);
    Accounts.Client client =
        accounts.authenticateClient(id, secret).orElseThrow(OAuthError::invalidClient);
    attempt.succeeded();
    Set<String> scopes = new LinkedHashSet<>(client.scopes());
    Set<String> requested = scopes(ctx.formParam("scope"));
    if (!requested.isEmpty()) scopes.retainAll(requested);
    // A client acts as its owner. Owners from an external identity provider have no account
    // here: their clients get no groups and never the admin scope.
    Optional<Accounts.User> owner = accounts.userById(client.owner());
    if (client.endpointId() == null) {
      scopes.retainAll(
          owner
              .map(u -> accounts.principal(u, null).scopes())
              .orElse(Set.of(Scope.COMPUTE.claim())));
    }
    if (scopes.isEmpty())
      throw new OAuthError(400, "invalid_scope", "the client has none of the requested scopes");
    Principal p =
        new Principal(
            client.owner(),
            owner.map(Accounts.User::username).orElse(null),
            Set.copyOf(scopes),
            client.endpointId() != null
                ? Set.of()
                : owner.map(u -> Set.copyOf(u.groups())).orElse(Set.of()),
            client.endpointId());
    return tokens(p, client.clientId(), false);
  }

  /** A dashboard session: an access token only, which ends the session when it expires. */
  private Map<String, Object> authorizationCode(Context ctx) {
    AuthorizationCodes.Grant g = codeFlow.exchange(ctx);
    Accounts.User user =
        accounts
            .userById(g.userId())
            .orElseThrow(() -> OAuthError.invalidGrant("the user no longer exists"));
    Map<String, Object> tokens = tokens(accounts.principal(user, g.scopes()), g.clientId(), false);
    codeFlow.issued(ctx, (String) tokens.get("access_token"));
    return tokens;
  }

  /** The dashboard's registered redirect URI (the service's {@code /dashboard}). */
  public String dashboardRedirectUri() {
    return codeFlow.redirectUri();
  }

  public Duration sessionLifetime() {
    return accessTtl;
  }

  private Map<String, Object> deviceAuthorization(Context ctx) {
    String clientId = ctx.formParam("client_id");
    if (!Accounts.SDK_CLIENT_ID.equals(clientId)) throw OAuthError.invalidClient();
    Set<String> requested = scopes(ctx.formParam("scope"));
    DeviceGrants.Pending p = devices.start(clientId, requested);
    String verify = issuer.issuer() + "/device";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("device_code", p.deviceCode);
    out.put("user_code", p.userCode);
    out.put("verification_uri", verify);
    out.put("verification_uri_complete", verify + "?user_code=" + p.userCode);
    out.put("expires_in", devices.lifetimeMillis() / 1000);
    out.put("interval", Math.max(1, devices.intervalMillis() / 1000));
    return out;
  }

  private Map<String, Object> deviceCode(Context ctx) {
    DeviceGrants.Pending p =
        devices
            .byDeviceCode(ctx.formParam("device_code"))
            .orElseThrow(
                () -> new OAuthError(400, "expired_token", "unknown or expired device code"));
    if (!p.clientId.equals(ctx.formParam("client_id"))) throw OAuthError.invalidClient();
    long now = System.currentTimeMillis();
    synchronized (p) {
      if (p.expired(now)) {
        devices.finish(p);
        throw new OAuthError(400, "expired_token", "the login was not approved in time");
      }
      if (p.denied) {
        devices.finish(p);
        throw new OAuthError(400, "access_denied", "the login was denied");
      }
      if (p.approvedUserId == null) {
        boolean tooSoon = now - p.lastPollMillis < devices.intervalMillis() - 100;
        p.lastPollMillis = now;
        if (tooSoon) throw new OAuthError(400, "slow_down", "poll less often");
        throw new OAuthError(400, "authorization_pending", "waiting for the user to approve");
      }
      devices.finish(p);
    }
    Accounts.User user =
        accounts
            .userById(p.approvedUserId)
            .orElseThrow(() -> OAuthError.invalidGrant("the approving user no longer exists"));
    return tokens(accounts.principal(user, p.scopes), p.clientId, true);
  }

  private Map<String, Object> refresh(Context ctx) {
    String clientId = ctx.formParam("client_id");
    LoginThrottle.Attempt attempt = throttle.begin(ctx.ip(), clientId);
    Accounts.RefreshGrant grant =
        accounts
            .redeemRefreshToken(ctx.formParam("refresh_token"), clientId)
            .orElseThrow(() -> OAuthError.invalidGrant("unknown, used or expired refresh token"));
    attempt.succeeded();
    Accounts.User user =
        accounts
            .userById(grant.subject())
            .orElseThrow(() -> OAuthError.invalidGrant("the user no longer exists"));
    return tokens(accounts.principal(user, grant.scopes()), grant.clientId(), true);
  }

  private Map<String, Object> tokens(Principal p, String clientId, boolean withRefresh) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", issuer.accessToken(p, clientId, accessTtl));
    out.put("token_type", "Bearer");
    out.put("expires_in", accessTtl.toSeconds());
    out.put("scope", String.join(" ", p.scopes()));
    if (withRefresh) {
      out.put(
          "refresh_token",
          accounts.issueRefreshToken(p.subject(), clientId, p.scopes(), refreshTtl.toMillis()));
    }
    return out;
  }

  /**
   * The approval form's answer. Guessing user codes or passwords spends the address's and the
   * user name's attempts (429 once spent, before any hashing); a right answer gives it back.
   */
  private void approve(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    String code = ctx.formParam("user_code");
    String username = ctx.formParam("username");
    LoginThrottle.Attempt attempt;
    try {
      attempt = throttle.begin(ctx.ip(), username);
    } catch (LoginThrottle.Throttled e) {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds))
          .status(429)
          .html(
              ApprovalPage.form(
                  code, "Too many attempts. Try again in " + e.retryAfterSeconds + " seconds."));
      return;
    }
    Optional<DeviceGrants.Pending> pending = devices.byUserCode(code);
    if (pending.isEmpty()) {
      ctx.status(400).html(ApprovalPage.form(code, "That code is unknown or has expired."));
      return;
    }
    DeviceGrants.Pending p = pending.get();
    if ("deny".equals(ctx.formParam("action"))) {
      attempt.succeeded();
      synchronized (p) {
        p.denied = true;
      }
      ctx.html(ApprovalPage.done("Login denied. You can close this page."));
      return;
    }
    Optional<Accounts.User> user = accounts.authenticate(username, ctx.formParam("password"));
    if (user.isEmpty()) {
      ctx.status(401).html(ApprovalPage.form(code, "Wrong user name or password."));
      return;
    }
    attempt.succeeded();
    synchronized (p) {
      p.approvedUserId = user.get().id();
    }
    log.info("device login {} approved by {}", p.userCode, user.get().username());
    ctx.html(
        ApprovalPage.done(
            "Approved: the notebook is now signed in as "
                + user.get().username()
                + ". You can close this page."));
  }

  static Set<String> scopes(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) for (String s : value.trim().split("\\s+")) if (!s.isEmpty()) out.add(s);
    return out;
  }

  private static String[] basicCredentials(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) return null;
      return new String[] {
        java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidClient();
    }
  }
}
