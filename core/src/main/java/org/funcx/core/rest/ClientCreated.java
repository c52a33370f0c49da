package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/** What {@code POST /v2/clients} answers, once: the new client's id, secret and scopes. */
public record ClientCreated(String clientId, String clientSecret, List<String> scopes) {
  public ClientCreated {
    scopes = List.copyOf(scopes);
  }

  /** Without the secret, so a logged answer shows none. */
  @Override
  public String toString() {
    return "ClientCreated[clientId=" + clientId + ", scopes=" + scopes + "]";
  }

  public static ClientCreated fromJson(JsonObject o) {
    return new ClientCreated(
        JsonFields.string(o, "client_id", true),
        JsonFields.string(o, "client_secret", true),
        JsonFields.strings(o, "scopes"));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("client_id", clientId);
    o.addProperty("client_secret", clientSecret);
    o.add("scopes", JsonFields.array(scopes));
    return o;
  }
}
