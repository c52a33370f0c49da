package org.funcx.service.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a principal from token claims as issuers spell them: {@code scope} as a space-separated
 * string (RFC 9068) or {@code scp} as a list; {@code groups} as a list or a string.
 */
final class ClaimsMapping {
  private ClaimsMapping() {}

  static Principal principal(Map<String, Object> claims) throws InvalidTokenException {
    Object sub = claims.get("sub");
    if (!(sub instanceof String subject) || subject.isBlank()) {
      throw new InvalidTokenException("token has no subject");
    }
    Set<String> scopes = new LinkedHashSet<>(strings(claims.get("scope")));
    scopes.addAll(strings(claims.get("scp")));
    Object name = claims.get("preferred_username");
    Object endpoint = claims.get("endpoint_id");
    return new Principal(
        subject,
        name instanceof String s ? s : null,
        Set.copyOf(scopes),
        Set.copyOf(strings(claims.get("groups"))),
        endpoint instanceof String e ? e : null);
  }

  private static Set<String> strings(Object value) {
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof String s) {
      for (String part : s.trim().split("\\s+")) if (!part.isEmpty()) out.add(part);
    } else if (value instanceof Collection<?> c) {
      for (Object o : c) if (o != null) out.add(o.toString());
    }
    return out;
  }
}
