package org.funcx.client.auth;

import com.google.gson.JsonObject;
import java.net.URI;

/**
 * Where to get tokens for a service, as its {@code /v2/version} document says under {@code auth}:
 * the token and device authorization endpoints and the public client id to log in with.
 */
public record AuthDiscovery(
    String issuer, URI tokenEndpoint, URI deviceAuthorizationEndpoint, String clientId) {

  public static AuthDiscovery parse(JsonObject version) {
    JsonObject auth = version.has("auth") ? version.getAsJsonObject("auth") : new JsonObject();
    String device =
        auth.has("device_authorization_endpoint")
            ? auth.get("device_authorization_endpoint").getAsString()
            : null;
    return new AuthDiscovery(
        auth.has("issuer") ? auth.get("issuer").getAsString() : null,
        auth.has("token_endpoint") ? URI.create(auth.get("token_endpoint").getAsString()) : null,
        device == null ? null : URI.create(device),
        auth.has("client_id") ? auth.get("client_id").getAsString() : "funcx-sdk");
  }
}
