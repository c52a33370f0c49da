package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The body of {@code POST /v2/clients}: credentials acting as the caller.
 *
 * @param name null for the service's default
 * @param scopes a subset of the caller's; empty for {@code funcx:compute}
 */
public record ClientRequest(String name, List<String> scopes) {
  public ClientRequest {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  public static ClientRequest fromJson(JsonObject o) {
    return new ClientRequest(JsonFields.string(o, "name", false), JsonFields.strings(o, "scopes"));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    JsonFields.put(o, "name", name);
    o.add("scopes", JsonFields.array(scopes));
    return o;
  }
}
