package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * Who may see a function or endpoint, as a request changes it ({@code PUT …/sharing}, and the
 * optional fields of a registration): {@code public} and {@code groups}, each null to keep it.
 */
public record SharingChange(Boolean isPublic, List<String> groups) {
  public static final SharingChange NONE = new SharingChange(null, null);

  public SharingChange {
    groups = groups == null ? null : List.copyOf(groups);
  }

  public static SharingChange fromJson(JsonObject o) {
    return new SharingChange(
        JsonFields.bool(o, "public"),
        o.has("groups") && !o.get("groups").isJsonNull() ? JsonFields.strings(o, "groups") : null);
  }

  /** Adds the fields that change something to {@code o} (a request body). */
  public void addTo(JsonObject o) {
    if (isPublic != null) o.addProperty("public", isPublic);
    if (groups != null) o.add("groups", JsonFields.array(groups));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    addTo(o);
    return o;
  }
}
