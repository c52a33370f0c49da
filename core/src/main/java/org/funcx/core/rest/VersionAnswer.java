package org.funcx.core.rest;

import com.google.gson.JsonObject;

/**
 * What {@code GET /v2/version} answers, to anyone (it needs no token): the API and product
 * versions, where agents find the forwarder, and where tokens come from.
 *
 * @param auth the OAuth discovery block (issuer, token and device endpoints, the SDK's client
 *     id), read by the SDK's {@code AuthDiscovery}; null when absent
 */
public record VersionAnswer(
    String api,
    String version,
    String forwarderAddress,
    String forwarderPublicKey,
    JsonObject auth) {

  public static VersionAnswer fromJson(JsonObject o) {
    return new VersionAnswer(
        JsonFields.string(o, "api", false),
        JsonFields.string(o, "version", true),
        JsonFields.string(o, "forwarder_address", false),
        JsonFields.string(o, "forwarder_public_key", false),
        JsonFields.object(o, "auth", false));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    JsonFields.put(o, "api", api);
    o.addProperty("version", version);
    JsonFields.put(o, "forwarder_address", forwarderAddress);
    JsonFields.put(o, "forwarder_public_key", forwarderPublicKey);
    if (auth != null) o.add("auth", auth.deepCopy());
    return o;
  }
}
