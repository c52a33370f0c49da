package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/** What {@code POST /v2/users} answers: the new user's subject, name, groups and role. */
public record UserCreated(String subject, String username, List<String> groups, boolean admin) {
  public UserCreated {
    groups = List.copyOf(groups);
  }

  public static UserCreated fromJson(JsonObject o) {
    return new UserCreated(
        JsonFields.string(o, "subject", true),
        JsonFields.string(o, "username", true),
        JsonFields.strings(o, "groups"),
        JsonFields.bool(o, "admin", false));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("subject", subject);
    o.addProperty("username", username);
    o.add("groups", JsonFields.array(groups));
    o.addProperty("admin", admin);
    return o;
  }
}
