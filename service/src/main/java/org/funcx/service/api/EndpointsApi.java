package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
    JsonObject body = Requests.jsonObject(ctx);
    String name = Requests.string(body, "name", true);
    if (name.isBlank() || name.length() > 200) {
      throw ApiException.badRequest("invalid_field", "endpoint name must be 1–200 characters");
    }
    String curveKey = Requests.string(body, "curve_public_key", false);
    if (curveKey != null && !CurveKeys.isPublicKey(curveKey)) {
      throw ApiException.badRequest("invalid_field", "curve_public_key must be a Z85 CURVE public key (40 characters)");
    }
    List<String> allowed = allowedFunctions(body);
    String requestedId = Requests.string(body, "endpoint_id", false);
    String id = requestedId == null ? UUID.randomUUID().toString()
        : Requests.uuid(requestedId, "endpoint");
    Optional<EndpointRow> existing = registry.endpoint(id);
    EndpointRow row;
    if (existing.isPresent()) {
      EndpointRow old = Access.visible(p, existing, EndpointRow::sharing, "endpoint", id);
      Access.requireOwner(p, old.sharing(), "endpoint", id);
      row = new EndpointRow(id, name, old.createdAtMillis(), Access.sharing(body, old.sharing()),
          allowed, curveKey);
      registry.updateEndpoint(row);
    } else {
      row = new EndpointRow(id, name, System.currentTimeMillis(),
          Access.sharing(body, Sharing.privateTo(p.subject())), allowed, curveKey);
      registry.addEndpoint(row);
    }
    accounts.revokeEndpointClients(id);
    Accounts.ClientCredentials agent = accounts.createClient(p.subject(), "endpoint " + name,
        Set.of(Scope.ENDPOINT.claim()), id);
    forwarder.admit(id, curveKey);
    Map<String, Object> out = describe(row);
    out.put("forwarder_address", forwarderAddress);
    out.put("forwarder_public_key", forwarder.publicKey());
    out.put("client_id", agent.clientId());
    out.put("client_secret", agent.clientSecret());
    ctx.status(existing.isEmpty() ? 201 : 200).json(out);
  }

  private static List<String> allowedFunctions(JsonObject body) {
    JsonElement value = body.get("allowed_functions");
    List<String> out = new ArrayList<>();
    if (value == null || value.isJsonNull()) return out;
    if (!value.isJsonArray()) {
      throw ApiException.badRequest("invalid_field", "allowed_functions must be an array of function ids");
    }
    for (JsonElement e : value.getAsJsonArray()) {
      if (!e.isJsonPrimitive()) throw ApiException.badRequest("invalid_field", "function ids are strings");
      out.add(Requests.uuid(e.getAsString(), "function"));
    }
    return out;
  }

  void list(Context ctx) {
    Principal p = AuthGate.principal(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (EndpointRow row : registry.endpoints()) {
      if (Access.sees(p, row.sharing())) out.add(describe(row));
    }
    ctx.json(Map.of("endpoints", out));
  }

  void get(Context ctx) {
    Map<String, Object> out = describe(existing(ctx));
    out.put("forwarder_address", forwarderAddress);
    out.put("forwarder_public_key", forwarder.publicKey());
    ctx.json(out);
  }

  void status(Context ctx) {
    ctx.json(describe(existing(ctx)));
  }

  /** {@code PUT /v2/endpoints/{id}/sharing} with {@code public} and/or {@code groups}. */
  void share(Context ctx) {
    EndpointRow row = existing(ctx);
    Access.requireOwner(AuthGate.principal(ctx), row.sharing(), "endpoint", row.id());
    Sharing sharing = Access.sharing(Requests.jsonObject(ctx), row.sharing());
    registry.shareEndpoint(row.id(), sharing);
    ctx.json(Access.describe(sharing));
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
    if (p.endpointId() != null && !p.endpointId().equals(id)) throw ApiException.notFound("endpoint", id);
    return Access.visible(p, registry.endpoint(id), EndpointRow::sharing, "endpoint", id);
  }

  private Map<String, Object> describe(EndpointRow row) {
    EndpointStatus s = statusOf(row.id());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("endpoint_id", row.id());
    out.put("name", row.name());
    out.put("status", s.online() ? "online" : "offline");
    out.put("last_heartbeat", s.lastHeartbeatMillis());
    out.put("managers", s.managers());
    out.put("workers", s.workers());
    out.put("idle_workers", s.idleWorkers());
    out.put("outstanding_tasks", s.outstandingTasks());
    out.put("queued_at_endpoint", s.queuedAtEndpoint());
    out.put("running_at_endpoint", s.runningAtEndpoint());
    // why the endpoint cannot run tasks (e.g. its managers fail at start-up), as it reports it
    if (s.problem() != null) out.put("problem", s.problem());
    out.put("allowed_functions", row.allowedFunctions());
    out.put("sharing", Access.describe(row.sharing()));
    return out;
  }

  private EndpointStatus statusOf(String endpointId) {
    try {
      return forwarder.status(endpointId).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new ApiException(503, "forwarder_busy",
          "endpoint " + endpointId + " status is not available: " + e);
    }
  }
}
