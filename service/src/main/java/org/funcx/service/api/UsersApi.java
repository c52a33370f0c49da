package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.service.auth.Accounts;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.auth.Principal;
import org.funcx.service.auth.Scope;

/**
 * {@code /v2/whoami}, {@code /v2/users} (administrators create users of the embedded issuer) and
 * {@code /v2/clients} (a user's credentials for automation: client id and secret acting as the
 * user with at most the user's scopes).
 */
final class UsersApi {
  private final Accounts accounts;

  UsersApi(Accounts accounts) {
    this.accounts = accounts;
  }

  void whoami(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", p.subject());
    out.put("username", p.username());
    out.put("scopes", p.scopes());
    out.put("groups", p.groups());
    if (p.endpointId() != null) out.put("endpoint_id", p.endpointId());
    ctx.json(out);
  }

  /** {@code {"username", "password", "groups": [...], "admin": false}} → the new user. */
  void create(Context ctx) {
    JsonObject body = Requests.jsonObject(ctx);
    Accounts.User u = accounts.createUser(Requests.string(body, "username", true),
        Requests.string(body, "password", true), strings(body, "groups"),
        Requests.bool(body, "admin", false));
    ctx.status(201).json(Map.of("subject", u.id(), "username", u.username(), "groups", u.groups(),
        "admin", u.admin()));
  }

  /** {@code {"name", "scopes": [...]}} → client id and secret, shown this once. */
  void createClient(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    JsonObject body = Requests.jsonObject(ctx);
    String name = Requests.string(body, "name", false);
    Set<String> scopes = new LinkedHashSet<>(strings(body, "scopes"));
    if (scopes.isEmpty()) scopes.add(Scope.COMPUTE.claim());
    if (!p.scopes().containsAll(scopes) || scopes.contains(Scope.ENDPOINT.claim())) {
      throw new ApiException(403, "insufficient_scope", "a client can have only scopes you hold"
          + " (not funcx:endpoint, which endpoints get at registration)");
    }
    Accounts.ClientCredentials c = accounts.createClient(p.subject(), name == null ? "client" : name,
        scopes, null);
    ctx.status(201).json(Map.of("client_id", c.clientId(), "client_secret", c.clientSecret(),
        "scopes", scopes));
  }

  void listClients(Context ctx) {
    ctx.json(Map.of("clients", accounts.clientsOf(AuthGate.principal(ctx).subject())));
  }

  void deleteClient(Context ctx) {
    String id = ctx.pathParam("id");
    if (!accounts.deleteClient(AuthGate.principal(ctx).subject(), id)) {
      throw ApiException.notFound("client", id);
    }
    ctx.json(Map.of("client_id", id, "deleted", true));
  }

  private static List<String> strings(JsonObject body, String field) {
    JsonElement value = body.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isJsonNull()) return out;
    if (!value.isJsonArray()) throw ApiException.badRequest("invalid_field", field + " must be an array of strings");
    for (JsonElement e : value.getAsJsonArray()) {
      if (!e.isJsonPrimitive()) throw ApiException.badRequest("invalid_field", field + " holds strings");
      out.add(e.getAsString());
    }
    return out;
  }
}
