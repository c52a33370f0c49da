package org.funcx.service.auth;

import java.util.Set;

/**
 * Who a request acts for, from a verified token.
 *
 * @param subject stable user id (the token's {@code sub}); owns what the user creates
 * @param username display name, when the issuer gives one
 * @param scopes granted scope strings
 * @param groups group names the user belongs to (for sharing)
 * @param endpointId set for an endpoint agent's token: the one endpoint it may act as
 */
public record Principal(
    String subject, String username, Set<String> scopes, Set<String> groups, String endpointId) {

  public boolean has(Scope scope) {
    return scopes.contains(scope.claim());
  }
}
