package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/** The body of {@code POST /v2/users} (administrators only): a user of the embedded issuer. */
public record UserRequest(String username, String password, List<String> groups, boolean admin) {
  public UserRequest {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** Without the password, so a logged request shows none. */
  @Override
  public String toString() {
    return "UserRequest[username=" + username + ", groups=" + groups + ", admin=" + admin + "]";
  }

  public static UserRequest fromJson(JsonObject o) {
    return new UserRequest(
        JsonFields.string(o, "username", true),
        JsonFields.string(o, "password", true),
        JsonFields.strings(o, "groups"),
        JsonFields.bool(o, "admin", false));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("username", username);
    o.addProperty("password", password);
    o.add("groups", JsonFields.array(groups));
    o.addProperty("admin", admin);
    return o;
  }
}
