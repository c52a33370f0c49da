package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/** Who may see a function or endpoint, as the service describes it: owner, public, groups. */
public record SharingDescription(String owner, boolean isPublic, List<String> groups) {
  public SharingDescription {
    groups = List.copyOf(groups);
  }

  public static SharingDescription fromJson(JsonObject o) {
    return new SharingDescription(
        JsonFields.string(o, "owner", true),
        JsonFields.bool(o, "public", false),
        JsonFields.strings(o, "groups"));
  }

  /** The field of a document holding it, or null when the document has none. */
  static SharingDescription field(JsonObject o) {
    JsonObject sharing = JsonFields.object(o, "sharing", false);
    return sharing == null ? null : fromJson(sharing);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("owner", owner);
    o.addProperty("public", isPublic);
    o.add("groups", JsonFields.array(groups));
    return o;
  }
}
