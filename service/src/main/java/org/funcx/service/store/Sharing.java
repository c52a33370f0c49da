package org.funcx.service.store;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may see and use a function or an endpoint: its owner always; everyone when public; members
 * of any of the groups it is shared with.
 */
public record Sharing(String owner, boolean isPublic, List<String> groups) {
  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.:@-]{1,100}");

  public Sharing {
    groups = List.copyOf(groups);
    for (String g : groups) {
      if (!GROUP.matcher(g).matches()) {
        throw new IllegalArgumentException(
            "group name '" + g + "' must be 1-100 letters, digits" + " or _ . : @ -");
      }
    }
  }

  public static Sharing privateTo(String owner) {
    return new Sharing(owner, false, List.of());
  }

  /** True when the subject with these groups may see and use the object. */
  public boolean allows(String subject, java.util.Collection<String> subjectGroups) {
    return owner.equals(subject) || isPublic || groups.stream().anyMatch(subjectGroups::contains);
  }

  String groupsColumn() {
    return String.join(",", groups);
  }

  static List<String> parseList(String column) {
    return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(","));
  }
}
