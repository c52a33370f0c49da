package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.funcx.service.auth.Principal;
import org.funcx.service.store.Sharing;

/**
 * The sharing rules in one place: what a principal may not see does not exist for it (404, so ids
 * leak nothing); what it may see but does not own it may use but not change (403).
 */
final class Access {
  private Access() {}

  static boolean sees(Principal p, Sharing s) {
    return s.allows(p.subject(), p.groups());
  }

  /** The row when the principal may see it; 404 otherwise. */
  static <T> T visible(Principal p, Optional<T> row, java.util.function.Function<T, Sharing> sharing,
      String what, String id) {
    return row.filter(r -> sees(p, sharing.apply(r))).orElseThrow(() -> ApiException.notFound(what, id));
  }

  static void requireOwner(Principal p, Sharing s, String what, String id) {
    if (!s.owner().equals(p.subject())) {
      throw new ApiException(403, "not_owner", "only the owner of " + what + " " + id
          + " may change or delete it", Map.of("id", id));
    }
  }

  /** Sharing from a request body's {@code public} and {@code groups}, over {@code current}. */
  static Sharing sharing(JsonObject body, Sharing current) {
    boolean isPublic = Requests.bool(body, "public", current.isPublic());
    List<String> groups = current.groups();
    JsonElement g = body.get("groups");
    if (g != null && !g.isJsonNull()) {
      if (!g.isJsonArray()) throw ApiException.badRequest("invalid_field", "groups must be an array of names");
      groups = new ArrayList<>();
      for (JsonElement e : g.getAsJsonArray()) {
        if (!e.isJsonPrimitive()) throw ApiException.badRequest("invalid_field", "group names are strings");
        groups.add(e.getAsString());
      }
    }
    try {
      return new Sharing(current.owner(), isPublic, groups);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_field", e.getMessage());
    }
  }

  static Map<String, Object> describe(Sharing s) {
    return Map.of("owner", s.owner(), "public", s.isPublic(), "groups", s.groups());
  }
}
