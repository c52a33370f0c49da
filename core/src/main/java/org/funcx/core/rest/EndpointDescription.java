package org.funcx.core.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * An endpoint as {@code /v2/endpoints} answers it. The forwarder's address and key come only with
 * {@code GET /v2/endpoints/{id}} and registration, the agent's client credentials only with
 * registration (shown that once); absent ones are null.
 *
 * @param problem what the endpoint reports keeps it from working; null for nothing
 * @param blocks its blocks not ended, as its agent last reported them (at most 32; none from an
 *     older agent or while offline)
 */
public record EndpointDescription(
    String endpointId,
    String name,
    String status,
    long lastHeartbeat,
    int managers,
    int workers,
    int idleWorkers,
    int outstandingTasks,
    int queuedAtEndpoint,
    int runningAtEndpoint,
    String problem,
    List<BlockDescription> blocks,
    List<String> allowedFunctions,
    SharingDescription sharing,
    String forwarderAddress,
    String forwarderPublicKey,
    String clientId,
    String clientSecret) {
  public EndpointDescription {
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
    allowedFunctions = allowedFunctions == null ? List.of() : List.copyOf(allowedFunctions);
  }

  /** Without the client secret, so a logged answer shows none. */
  @Override
  public String toString() {
    return "EndpointDescription[endpointId="
        + endpointId
        + ", name="
        + name
        + ", status="
        + status
        + ", clientId="
        + clientId
        + "]";
  }

  /** This description with the forwarder's address and CURVE public key. */
  public EndpointDescription withForwarder(String address, String publicKey) {
    return with(address, publicKey, clientId, clientSecret);
  }

  /** This description with the agent's client credentials. */
  public EndpointDescription withCredentials(String id, String secret) {
    return with(forwarderAddress, forwarderPublicKey, id, secret);
  }

  /** The one copy: the fields only registration and {@code GET /v2/endpoints/{id}} carry. */
  private EndpointDescription with(String address, String publicKey, String id, String secret) {
    return new EndpointDescription(
        endpointId,
        name,
        status,
        lastHeartbeat,
        managers,
        workers,
        idleWorkers,
        outstandingTasks,
        queuedAtEndpoint,
        runningAtEndpoint,
        problem,
        blocks,
        allowedFunctions,
        sharing,
        address,
        publicKey,
        id,
        secret);
  }

  public boolean online() {
    return "online".equals(status);
  }

  public static EndpointDescription fromJson(JsonObject o) {
    return new EndpointDescription(
        JsonFields.string(o, "endpoint_id", true),
        JsonFields.string(o, "name", false),
        JsonFields.string(o, "status", false),
        JsonFields.whole(o, "last_heartbeat", 0),
        count(o, "managers"),
        count(o, "workers"),
        count(o, "idle_workers"),
        count(o, "outstanding_tasks"),
        count(o, "queued_at_endpoint"),
        count(o, "running_at_endpoint"),
        JsonFields.string(o, "problem", false),
        BlockDescription.listField(o),
        JsonFields.strings(o, "allowed_functions"),
        SharingDescription.field(o),
        JsonFields.string(o, "forwarder_address", false),
        JsonFields.string(o, "forwarder_public_key", false),
        JsonFields.string(o, "client_id", false),
        JsonFields.string(o, "client_secret", false));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("endpoint_id", endpointId);
    o.addProperty("name", name);
    o.addProperty("status", status);
    o.addProperty("last_heartbeat", lastHeartbeat);
    o.addProperty("managers", managers);
    o.addProperty("workers", workers);
    o.addProperty("idle_workers", idleWorkers);
    o.addProperty("outstanding_tasks", outstandingTasks);
    o.addProperty("queued_at_endpoint", queuedAtEndpoint);
    o.addProperty("running_at_endpoint", runningAtEndpoint);
    JsonFields.put(o, "problem", problem);
    o.add("blocks", BlockDescription.listToJson(blocks));
    o.add("allowed_functions", JsonFields.array(allowedFunctions));
    if (sharing != null) o.add("sharing", sharing.toJson());
    JsonFields.put(o, "forwarder_address", forwarderAddress);
    JsonFields.put(o, "forwarder_public_key", forwarderPublicKey);
    JsonFields.put(o, "client_id", clientId);
    JsonFields.put(o, "client_secret", clientSecret);
    return o;
  }

  /** {@code GET /v2/endpoints}: {@code {"endpoints": [...]}}. */
  public static List<EndpointDescription> listFromJson(JsonObject o) {
    JsonArray endpoints =
        o.has("endpoints") && o.get("endpoints").isJsonArray()
            ? o.getAsJsonArray("endpoints")
            : null;
    if (endpoints == null) throw RestFieldException.invalid("endpoints", "an array of endpoints");
    List<EndpointDescription> out = new ArrayList<>(endpoints.size());
    for (var e : endpoints) {
      if (!e.isJsonObject()) throw RestFieldException.invalid("endpoints", "an array of endpoints");
      out.add(fromJson(e.getAsJsonObject()));
    }
    return out;
  }

  public static JsonObject listToJson(List<EndpointDescription> endpoints) {
    JsonArray array = new JsonArray(endpoints.size());
    endpoints.forEach(e -> array.add(e.toJson()));
    JsonObject o = new JsonObject();
    o.add("endpoints", array);
    return o;
  }

  private static int count(JsonObject o, String field) {
    return Math.toIntExact(JsonFields.whole(o, field, 0));
  }
}
