package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What {@code GET /v2/whoami} answers: who the service takes the caller for.
 *
 * @param endpointId the endpoint an agent's credentials are for; null for users
 */
public record Whoami(
    String subject, String username, List<String> scopes, List<String> groups, String endpointId) {
  public Whoami {
    scopes = List.copyOf(scopes);
    groups = List.copyOf(groups);
  }

  public static Whoami fromJson(JsonObject o) {
    return new Whoami(
        JsonFields.string(o, "subject", true),
        JsonFields.string(o, "username", false),
        JsonFields.strings(o, "scopes"),
        JsonFields.strings(o, "groups"),
        JsonFields.string(o, "endpoint_id", false));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("subject", subject);
    JsonFields.put(o, "username", username);
    o.add("scopes", JsonFields.array(scopes));
    o.add("groups", JsonFields.array(groups));
    JsonFields.put(o, "endpoint_id", endpointId);
    return o;
  }
}
