package org.funcx.service.auth;

import io.javalin.security.RouteRole;

/**
 * The scopes of funcX access tokens; a route names the scopes that admit it. Users get
 * {@code compute}; endpoint agents {@code endpoint}; the local administrator also {@code admin}.
 */
public enum Scope implements RouteRole {
  COMPUTE("funcx:compute"),
  ENDPOINT("funcx:endpoint"),
  ADMIN("funcx:admin");

  private final String claim;

  Scope(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  /** The scope string a user's login asks for. */
  public static final String USER_SCOPES = COMPUTE.claim;
}
