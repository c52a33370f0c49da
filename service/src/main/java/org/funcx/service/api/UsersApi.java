package org.funcx.service.api;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.core.rest.ClientCreated;
import org.funcx.core.rest.ClientRequest;
import org.funcx.core.rest.UserCreated;
import org.funcx.core.rest.UserRequest;
import org.funcx.core.rest.Whoami;
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
    ctx.json(
        new Whoami(
                p.subject(),
                p.username(),
                List.copyOf(p.scopes()),
                List.copyOf(p.groups()),
                p.endpointId())
            .toJson());
  }

  /** {@code {"username", "password", "groups": [...], "admin": false}} → the new user. */
  void create(Context ctx) {
    UserRequest request = UserRequest.fromJson(Requests.jsonObject(ctx));
    Accounts.User u =
        accounts.createUser(
            request.username(), request.password(), request.groups(), request.admin());
    ctx.status(201).json(new UserCreated(u.id(), u.username(), u.groups(), u.admin()).toJson());
  }

  /** {@code {"name", "scopes": [...]}} → client id and secret, shown this once. */
  void createClient(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    ClientRequest request = ClientRequest.fromJson(Requests.jsonObject(ctx));
    Set<String> scopes = new LinkedHashSet<>(request.scopes());
    if (scopes.isEmpty()) scopes.add(Scope.COMPUTE.claim());
    if (!p.scopes().containsAll(scopes) || scopes.contains(Scope.ENDPOINT.claim())) {
      throw new ApiException(
          403,
          "insufficient_scope",
          "a client can have only scopes you hold"
              + " (not funcx:endpoint, which endpoints get at registration)");
    }
    Accounts.ClientCredentials c =
        accounts.createClient(
            p.subject(), request.name() == null ? "client" : request.name(), scopes, null);
    ctx.status(201)
        .json(new ClientCreated(c.clientId(), c.clientSecret(), List.copyOf(scopes)).toJson());
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
}
