package org.funcx.service.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.funcx.core.rest.SharingChange;
import org.funcx.core.rest.SharingDescription;
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
  static <T> T visible(
      Principal p,
      Optional<T> row,
      java.util.function.Function<T, Sharing> sharing,
      String what,
      String id) {
    return row.filter(r -> sees(p, sharing.apply(r)))
        .orElseThrow(() -> ApiException.notFound(what, id));
  }

  static void requireOwner(Principal p, Sharing s, String what, String id) {
    if (!s.owner().equals(p.subject())) {
      throw new ApiException(
          403,
          "not_owner",
          "only the owner of " + what + " " + id + " may change or delete it",
          Map.of("id", id));
    }
  }

  /** Sharing as a request changes it ({@code public} and/or {@code groups}), over {@code current}. */
  static Sharing sharing(SharingChange change, Sharing current) {
    boolean isPublic = change.isPublic() == null ? current.isPublic() : change.isPublic();
    List<String> groups = change.groups() == null ? current.groups() : change.groups();
    try {
      return new Sharing(current.owner(), isPublic, groups);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_field", e.getMessage());
    }
  }

  static SharingDescription describe(Sharing s) {
    return new SharingDescription(s.owner(), s.isPublic(), s.groups());
  }
}
