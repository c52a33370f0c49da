package org.funcx.service.auth;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636 S256) for the one public
 * browser client, the dashboard: {@code /oauth/authorize} shows the sign-in page and answers a
 * right password with a one-time code sent to the client's registered redirect URI; the token
 * endpoint exchanges it ({@link #exchange}) for an access token when the verifier matches.
 */
final class CodeFlow {
  private static final Logger log = LoggerFactory.getLogger(CodeFlow.class);

  /** Longest {@code state} echoed back to the client. */
  static final int MAX_STATE_CHARS = 512;

  private final Accounts accounts;
  private final LoginThrottle throttle;
  private final AuthorizationCodes codes;
  private final String redirectUri;

  CodeFlow(Accounts accounts, LoginThrottle throttle, AuthorizationCodes codes, String issuer) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.codes = codes;
    this.redirectUri = issuer + "/dashboard";
  }

  /** The dashboard's one registered redirect URI, matched exactly. */
  String redirectUri() {
    return redirectUri;
  }

  long codeLifetimeMillis() {
    return codes.lifetimeMillis();
  }

  /** An authorization request's parameters, from the query (GET) or the sign-in form (POST). */
  private record Request(
      String clientId,
      String redirectUri,
      String responseType,
      String challenge,
      String challengeMethod,
      String state,
      Set<String> scopes) {
    static Request of(Context ctx, boolean form) {
      java.util.function.Function<String, String> p = form ? ctx::formParam : ctx::queryParam;
      return new Request(
          p.apply("client_id"),
          p.apply("redirect_uri"),
          p.apply("response_type"),
          p.apply("code_challenge"),
          p.apply("code_challenge_method"),
          p.apply("state"),
          AuthorizationServer.scopes(p.apply("scope")));
    }

    Request withoutState() {
      return new Request(
          clientId, redirectUri, responseType, challenge, challengeMethod, null, scopes);
    }

    Map<String, String> hiddenFields() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("client_id", clientId);
      m.put("redirect_uri", redirectUri);
      m.put("response_type", responseType);
      m.put("code_challenge", challenge);
      m.put("code_challenge_method", challengeMethod);
      if (state != null) m.put("state", state);
      if (!scopes.isEmpty()) m.put("scope", String.join(" ", scopes));
      return m;
    }
  }

  /** {@code GET /oauth/authorize}: the sign-in page, or the request's error. */
  void authorizePage(Context ctx) {
    noStore(ctx);
    Request r = Request.of(ctx, false);
    if (!rejected(ctx, r)) ctx.html(ApprovalPage.signIn(r.hiddenFields(), null));
  }

  /** {@code POST /oauth/authorize}: the sign-in form's answer, throttled as every login is. */
  void signIn(Context ctx) {
    noStore(ctx);
    Request r = Request.of(ctx, true);
    if (rejected(ctx, r)) return;
    String username = ctx.formParam("username");
    LoginThrottle.Attempt attempt;
    try {
      attempt = throttle.begin(ctx.ip(), username);
    } catch (LoginThrottle.Throttled e) {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds))
          .status(429)
          .html(
              ApprovalPage.signIn(
                  r.hiddenFields(),
                  "Too many attempts. Try again in " + e.retryAfterSeconds + " seconds."));
      return;
    }
    Optional<Accounts.User> user = accounts.authenticate(username, ctx.formParam("password"));
    if (user.isEmpty()) {
      ctx.status(401).html(ApprovalPage.signIn(r.hiddenFields(), "Wrong user name or password."));
      return;
    }
    attempt.succeeded();
    Set<String> scopes =
        accounts
            .principal(
                user.get(), r.scopes().isEmpty() ? Set.of(Scope.COMPUTE.claim()) : r.scopes())
            .scopes();
    String code;
    try {
      code = codes.issue(r.clientId(), r.redirectUri(), r.challenge(), user.get().id(), scopes);
    } catch (OAuthError e) {
      redirectError(ctx, r, e.error, e.getMessage());
      return;
    }
    log.info("dashboard sign-in of {}", user.get().username());
    ctx.redirect(
        r.redirectUri() + "?code=" + enc(code) + stateParam(r), io.javalin.http.HttpStatus.FOUND);
  }

  /**
   * Checks a request. An unknown client or a redirect URI other than the registered one gets an
   * error page (RFC 6749 §4.1.2.1: never redirect there); other errors go back to the client.
   *
   * @return true when the request was refused (the answer is written)
   */
  private boolean rejected(Context ctx, Request r) {
    if (!Accounts.DASHBOARD_CLIENT_ID.equals(r.clientId())) {
      ctx.status(400)
          .html(
              ApprovalPage.done(
                  "Sign-in refused: unknown client_id "
                      + r.clientId()
                      + " (the dashboard signs in as "
                      + Accounts.DASHBOARD_CLIENT_ID
                      + ")."));
      return true;
    }
    if (!redirectUri.equals(r.redirectUri())) {
      ctx.status(400)
          .html(
              ApprovalPage.done(
                  "Sign-in refused: redirect_uri "
                      + r.redirectUri()
                      + " is not the one registered for the dashboard ("
                      + redirectUri
                      + ")."));
      return true;
    }
    String problem = null;
    String error = "invalid_request";
    if (!"code".equals(r.responseType())) {
      error = "unsupported_response_type";
      problem = "response_type must be code";
    } else if (r.challenge() == null) {
      problem = "code_challenge is required (PKCE, RFC 7636, method S256)";
    } else if (!"S256".equals(r.challengeMethod())) {
      problem = "code_challenge_method must be S256 (plain and missing methods are refused)";
    } else if (!AuthorizationCodes.wellFormedChallenge(r.challenge())) {
      problem = "code_challenge must be 43 base64url characters (the SHA-256 of the verifier)";
    } else if (r.state() != null && r.state().length() > MAX_STATE_CHARS) {
      problem = "state is longer than " + MAX_STATE_CHARS + " characters";
    }
    if (problem == null) return false;
    boolean stateTooLong = r.state() != null && r.state().length() > MAX_STATE_CHARS;
    redirectError(ctx, stateTooLong ? r.withoutState() : r, error, problem);
    return true;
  }

  private void redirectError(Context ctx, Request r, String error, String description) {
    ctx.redirect(
        r.redirectUri()
            + "?error="
            + enc(error)
            + "&error_description="
            + enc(description)
            + stateParam(r),
        io.javalin.http.HttpStatus.FOUND);
  }

  /** {@code grant_type=authorization_code} at the token endpoint: the redeemed code's grant. */
  AuthorizationCodes.Grant exchange(Context ctx) {
    // Codes are 256 random bits: the address budget only stops a client hammering the endpoint.
    LoginThrottle.Attempt attempt = throttle.begin(ctx.ip(), null);
    AuthorizationCodes.Grant g =
        codes.redeem(
            ctx.formParam("code"),
            ctx.formParam("client_id"),
            ctx.formParam("redirect_uri"),
            ctx.formParam("code_verifier"));
    attempt.succeeded();
    return g;
  }

  /** The code this request exchanged got {@code accessToken} (revoked if the code comes again). */
  void issued(Context ctx, String accessToken) {
    codes.issued(ctx.formParam("code"), accessToken);
  }

  private static String stateParam(Request r) {
    return r.state() == null ? "" : "&state=" + enc(r.state());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Sign-in pages are never cached nor framed (clickjacking). */
  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store")
        .header("X-Frame-Options", "DENY")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline';"
                + " form-action 'self'; frame-ancestors 'none'");
  }
}
