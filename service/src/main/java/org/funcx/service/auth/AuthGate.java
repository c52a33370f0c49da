package org.funcx.service.auth;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.funcx.service.api.ApiException;

/**
 * Checks every matched route before its handler: a route with scopes needs a valid bearer token
 * holding one of them (401 without or with a bad token, 403 without the scope); a route without
 * scopes (version, discovery) is open. The principal is left on the request for the handlers.
 */
public final class AuthGate {
  /** The request attribute (also on WebSocket sessions) holding the verified principal. */
  public static final String PRINCIPAL = "funcx.principal";

  private final TokenVerifier verifier;

  public AuthGate(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) return;
    authenticate(ctx, roles);
  }

  /** Verifies the request's token and its scope against {@code roles}; stores the principal. */
  public Principal authenticate(Context ctx, Set<? extends RouteRole> roles) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized(
          "missing_token",
          "this request needs an access token"
              + " (Authorization: Bearer ...); log in with %funcx login or ./funcx login");
    }
    Principal p;
    try {
      p = verifier.verify(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      throw unauthorized("invalid_token", e.getMessage());
    }
    boolean allowed = roles.stream().anyMatch(r -> r instanceof Scope s && p.has(s));
    if (!allowed) {
      String needed =
          roles.stream()
              .filter(Scope.class::isInstance)
              .map(r -> ((Scope) r).claim())
              .collect(Collectors.joining(" or "));
      throw new ApiException(
          403,
          "insufficient_scope",
          "this request needs the scope " + needed,
          Map.of("required_scope", needed));
    }
    ctx.attribute(PRINCIPAL, p);
    return p;
  }

  /** The principal of a request that passed {@link #check}. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) throw new IllegalStateException("route " + ctx.path() + " is not authenticated");
    return p;
  }

  private static ApiException unauthorized(String code, String message) {
    return new ApiException(401, code, message);
  }
}
