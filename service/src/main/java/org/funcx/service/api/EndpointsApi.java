package org.funcx.service.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.funcx.core.rest.EndpointDescription;
import org.funcx.core.rest.EndpointRegistrationRequest;
import org.funcx.core.rest.SharingChange;
import org.funcx.service.auth.Accounts;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.auth.Principal;
import org.funcx.service.auth.Scope;
import org.funcx.service.forward.CurveKeys;
import org.funcx.service.forward.EndpointStatus;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.store.Registry;
import org.funcx.service.store.Registry.EndpointRow;
import org.funcx.service.store.Sharing;

/**
 * {@code /v2/endpoints}: register, list, inspect, share and delete endpoints. Registering gives
 * the agent fresh client credentials (scope {@code funcx:endpoint}, for this endpoint only) and
 * admits its CURVE public key at the forwarder; deleting revokes both and disconnects it.
 */
final class EndpointsApi {
  private final Registry registry;
  private final Forwarder forwarder;
  private final Accounts accounts;
  private final String forwarderAddress;

  EndpointsApi(Registry registry, Forwarder forwarder, Accounts accounts, String forwarderAddress) {
    this.registry = registry;
    this.forwarder = forwarder;
    this.accounts = accounts;
    this.forwarderAddress = forwarderAddress;
  }

  /**
   * Registers an endpoint; with a known {@code endpoint_id} the owner re-registers it (new name,
   * allowed functions, CURVE key and credentials). Body: {@code name}, optional {@code endpoint_id},
   * {@code curve_public_key} (Z85), {@code allowed_functions}, {@code public}, {@code groups}.
   */
  void register(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    EndpointRegistrationRequest request =
        EndpointRegistrationRequest.fromJson(Requests.jsonObject(ctx));
    String name = request.name();
    if (name.isBlank() || name.length() > 200) {
      throw ApiException.badRequest("invalid_field", "endpoint name must be 1–200 characters");
    }
    String curveKey = request.curvePublicKey();
    if (curveKey != null && !CurveKeys.isPublicKey(curveKey)) {
      throw ApiException.badRequest(
          "invalid_field", "curve_public_key must be a Z85 CURVE public key (40 characters)");
    }
    List<String> allowed = new ArrayList<>();
    for (String function : request.allowedFunctions())
      allowed.add(Requests.uuid(function, "function"));
    String requestedId = request.endpointId();
    String id =
        requestedId == null ? UUID.randomUUID().toString() : Requests.uuid(requestedId, "endpoint");
    Optional<EndpointRow> existing = registry.endpoint(id);
    EndpointRow row;
    if (existing.isPresent()) {
      EndpointRow old = Access.visible(p, existing, EndpointRow::sharing, "endpoint", id);
      Access.requireOwner(p, old.sharing(), "endpoint", id);
      row =
          new EndpointRow(
              id,
              name,
              old.createdAtMillis(),
              Access.sharing(request.sharing(), old.sharing()),
              allowed,
              curveKey);
      registry.updateEndpoint(row);
    } else {
      row =
          new EndpointRow(
              id,
              name,
              System.currentTimeMillis(),
              Access.sharing(request.sharing(), Sharing.privateTo(p.subject())),
              allowed,
              curveKey);
      registry.addEndpoint(row);
    }
    accounts.revokeEndpointClients(id);
    Accounts.ClientCredentials agent =
        accounts.createClient(p.subject(), "endpoint " + name, Set.of(Scope.ENDPOINT.claim()), id);
    forwarder.admit(id, curveKey);
    ctx.status(existing.isEmpty() ? 201 : 200)
        .json(
            describe(row)
                .withForwarder(forwarderAddress, forwarder.publicKey())
                .withCredentials(agent.clientId(), agent.clientSecret())
                .toJson());
  }

  void list(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    List<EndpointDescription> out = new ArrayList<>();
    for (EndpointRow row : registry.endpoints()) {
      if (Access.sees(p, row.sharing())) out.add(describe(row));
    }
    ctx.json(EndpointDescription.listToJson(out));
  }

  void get(Context ctx) {
    ctx.json(
        describe(existing(ctx)).withForwarder(forwarderAddress, forwarder.publicKey()).toJson());
  }

  void status(Context ctx) {
    ctx.json(describe(existing(ctx)).toJson());
  }

  /** {@code PUT /v2/endpoints/{id}/sharing} with {@code public} and/or {@code groups}. */
  void share(Context ctx) {
    EndpointRow row = existing(ctx);
    Access.requireOwner(AuthGate.principal(ctx), row.sharing(), "endpoint", row.id());
    Sharing sharing =
        Access.sharing(SharingChange.fromJson(Requests.jsonObject(ctx)), row.sharing());
    registry.shareEndpoint(row.id(), sharing);
    ctx.json(Access.describe(sharing).toJson());
  }

  void delete(Context ctx) {
    EndpointRow row = existing(ctx);
    Access.requireOwner(AuthGate.principal(ctx), row.sharing(), "endpoint", row.id());
    registry.deleteEndpoint(row.id());
    accounts.revokeEndpointClients(row.id());
    forwarder.endpointDeleted(row.id());
    ctx.json(Map.of("endpoint_id", row.id(), "deleted", true));
  }

  /** The endpoint if the caller may see it; an endpoint agent sees only its own endpoint. */
  private EndpointRow existing(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    String id = Requests.uuid(ctx.pathParam("id"), "endpoint");
    if (p.endpointId() != null && !p.endpointId().equals(id))
      throw ApiException.notFound("endpoint", id);
    return Access.visible(p, registry.endpoint(id), EndpointRow::sharing, "endpoint", id);
  }

  private EndpointDescription describe(EndpointRow row) {
    EndpointStatus s = statusOf(row.id());
    // problem: why the endpoint cannot run tasks (e.g. its managers fail at start-up), as it says
    return new EndpointDescription(
        row.id(),
        row.name(),
        s.online() ? "online" : "offline",
        s.lastHeartbeatMillis(),
        s.managers(),
        s.workers(),
        s.idleWorkers(),
        s.outstandingTasks(),
        s.queuedAtEndpoint(),
        s.runningAtEndpoint(),
        s.problem(),
        s.blocks(),
        row.allowedFunctions(),
        Access.describe(row.sharing()),
        null,
        null,
        null,
        null);
  }

  private EndpointStatus statusOf(String endpointId) {
    try {
      return forwarder.status(endpointId).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new ApiException(
          503, "forwarder_busy", "endpoint " + endpointId + " status is not available: " + e);
    }
  }
}
