package org.funcx.service.api;

import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.funcx.service.forward.EndpointStatus;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.store.Registry;
import org.funcx.service.store.Registry.EndpointRow;

/** {@code /v2/endpoints}: register, list, inspect and delete endpoints. */
final class EndpointsApi {
  private final Registry registry;
  private final Forwarder forwarder;
  private final String forwarderAddress;

  EndpointsApi(Registry registry, Forwarder forwarder, String forwarderAddress) {
    this.registry = registry;
    this.forwarder = forwarder;
    this.forwarderAddress = forwarderAddress;
  }

  /** Registers an endpoint; with a known {@code endpoint_id} it answers the existing one. */
  void register(Context ctx) {
    JsonObject body = Requests.jsonObject(ctx);
    String name = Requests.string(body, "name", true);
    if (name.isBlank() || name.length() > 200) {
      throw ApiException.badRequest("invalid_field", "endpoint name must be 1–200 characters");
    }
    String requestedId = Requests.string(body, "endpoint_id", false);
    String id = requestedId == null ? UUID.randomUUID().toString()
        : Requests.uuid(requestedId, "endpoint");
    var existing = registry.endpoint(id);
    EndpointRow row = existing.orElseGet(() -> new EndpointRow(id, name, System.currentTimeMillis()));
    if (existing.isEmpty()) registry.addEndpoint(row);
    Map<String, Object> out = describe(row);
    out.put("forwarder_address", forwarderAddress);
    ctx.status(existing.isEmpty() ? 201 : 200).json(out);
  }

  void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EndpointRow row : registry.endpoints()) out.add(describe(row));
    ctx.json(Map.of("endpoints", out));
  }

  void get(Context ctx) {
    ctx.json(describe(existing(ctx)));
  }

  void status(Context ctx) {
    ctx.json(describe(existing(ctx)));
  }

  void delete(Context ctx) {
    EndpointRow row = existing(ctx);
    registry.deleteEndpoint(row.id());
    forwarder.endpointDeleted(row.id());
    ctx.json(Map.of("endpoint_id", row.id(), "deleted", true));
  }

  private EndpointRow existing(Context ctx) {
    String id = Requests.uuid(ctx.pathParam("id"), "endpoint");
    return registry.endpoint(id).orElseThrow(() -> ApiException.notFound("endpoint", id));
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
